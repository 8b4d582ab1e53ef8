import type { Operation } from '../plan/operation.js';
import { quoteQualified } from '../sql/quote.js';
import type { FunctionDef, SchemaSnapshot, Table, View } from '../snapshot/types.js';

/** Options that change what counts as a difference. */
export interface DiffOptions {
  /**
   * Ignore extension version differences (set automatically when the two snapshots come from different
   * PostgreSQL major versions, e.g. PGlite vs a real server, whose bundled versions differ).
   */
  ignoreExtensionVersions?: boolean;
  /** Accepted renames, `old:new`: `table:new_table`, `schema.table:new`, `table.column:new_column`. */
  renames?: string[];
}

/** Shared state of one diff: both snapshots indexed by key, and what earlier steps decided. */
export interface DiffContext {
  from: SchemaSnapshot;
  to: SchemaSnapshot;
  options: DiffOptions;
  fromTables: Map<string, Table>;
  toTables: Map<string, Table>;
  fromViews: Map<string, View>;
  toViews: Map<string, View>;
  fromFunctions: Map<string, FunctionDef>;
  toFunctions: Map<string, FunctionDef>;
  /** Tables dropped and created again (e.g. regular ↔ partitioned): everything on them is new. */
  recreatedTables: Set<string>;
  /** Enum type names (as columns show them) recreated to drop or reorder values. */
  recreatedEnums: Set<string>;
  /** `table:k`, `view:k`, `function:k`, `type:k` whose change forces dependent views to be recreated. */
  invalidated: Set<string>;
  /** `key.column` of columns dropped (with the table or alone): their owned sequences go with them. */
  droppedColumns: Set<string>;
  operations: Operation[];
}

/** `"schema"."name"`: the key of a table, view, type or sequence. */
export const relKey = (o: { schema: string; name: string }): string => quoteQualified(o.schema, o.name);

/** `"schema"."name"(args)`: the key of a function overload. */
export const fnKey = (f: FunctionDef): string => `${quoteQualified(f.schema, f.name)}(${f.identityArguments})`;

export function createContext(from: SchemaSnapshot, to: SchemaSnapshot, options: DiffOptions): DiffContext {
  const byKey = <T extends { schema: string; name: string }>(list: T[]) => new Map(list.map((x) => [relKey(x), x]));
  return {
    from,
    to,
    options,
    fromTables: byKey(from.tables),
    toTables: byKey(to.tables),
    fromViews: byKey(from.views),
    toViews: byKey(to.views),
    fromFunctions: new Map(from.functions.map((f) => [fnKey(f), f])),
    toFunctions: new Map(to.functions.map((f) => [fnKey(f), f])),
    recreatedTables: new Set(),
    recreatedEnums: new Set(),
    invalidated: new Set(),
    droppedColumns: new Set(),
    operations: [],
  };
}

/** True when the table exists on both sides and is not recreated: changes to it are ALTERs. */
export function isExistingTable(ctx: DiffContext, key: string): boolean {
  return ctx.fromTables.has(key) && ctx.toTables.has(key) && !ctx.recreatedTables.has(key);
}

/** Same JSON, ignoring key order of plain objects we built ourselves. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Items of two lists matched by a key: only in `from`, only in `to`, in both. */
export function matchBy<T>(from: T[], to: T[], key: (x: T) => string): { removed: T[]; added: T[]; both: [T, T][] } {
  const toMap = new Map(to.map((x) => [key(x), x]));
  const fromKeys = new Set(from.map(key));
  return {
    removed: from.filter((x) => !toMap.has(key(x))),
    added: to.filter((x) => !fromKeys.has(key(x))),
    both: from.filter((x) => toMap.has(key(x))).map((x) => [x, toMap.get(key(x))!] as [T, T]),
  };
}
