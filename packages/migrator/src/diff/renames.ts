import { MigratorError } from '../errors.js';
import { type Operation, Phase } from '../plan/operation.js';
import { quoteQualified, quoteIdent } from '../sql/quote.js';
import type { SchemaSnapshot, Table } from '../snapshot/types.js';
import { relKey } from './context.js';

/** A drop + add pair that looks like a rename: shown with the `ALTER … RENAME` alternative. */
export interface RenameSuggestion {
  kind: 'table' | 'column';
  /** `schema.table` or `schema.table.column` on the source side. */
  from: string;
  /** The new name on the target side. */
  to: string;
  /** The `--rename` value that accepts it. */
  flag: string;
  /** The statement used when accepted. */
  sql: string;
}

const colSig = (t: Table) => t.columns.map((c) => `${c.name}:${c.type}`).join(',');

/** Finds likely renames: a dropped and an added table with the same columns; a dropped and an added column of the same type. */
export function suggestRenames(from: SchemaSnapshot, to: SchemaSnapshot): RenameSuggestion[] {
  const out: RenameSuggestion[] = [];
  const fromTables = new Map(from.tables.map((t) => [relKey(t), t]));
  const toTables = new Map(to.tables.map((t) => [relKey(t), t]));
  const dropped = from.tables.filter((t) => !toTables.has(relKey(t)));
  const added = to.tables.filter((t) => !fromTables.has(relKey(t)));
  for (const d of dropped) {
    const match = added.filter((x) => x.schema === d.schema && colSig(x) === colSig(d));
    if (match.length === 1) {
      const a = match[0]!;
      out.push({ kind: 'table', from: `${d.schema}.${d.name}`, to: a.name, flag: `${d.schema}.${d.name}:${a.name}`, sql: `ALTER TABLE ${quoteQualified(d.schema, d.name)} RENAME TO ${quoteIdent(a.name)};` });
    }
  }
  for (const [key, b] of toTables) {
    const a = fromTables.get(key);
    if (!a) continue;
    const gone = a.columns.filter((c) => c.local && !b.columns.some((x) => x.name === c.name));
    const fresh = b.columns.filter((c) => c.local && !a.columns.some((x) => x.name === c.name));
    for (const g of gone) {
      const same = fresh.filter((c) => c.type === g.type);
      if (same.length === 1 && gone.filter((x) => x.type === g.type).length === 1) {
        const n = same[0]!;
        out.push({
          kind: 'column',
          from: `${b.schema}.${b.name}.${g.name}`,
          to: n.name,
          flag: `${b.schema}.${b.name}.${g.name}:${n.name}`,
          sql: `ALTER TABLE ${quoteQualified(b.schema, b.name)} RENAME COLUMN ${quoteIdent(g.name)} TO ${quoteIdent(n.name)};`,
        });
      }
    }
  }
  return out;
}

/** Resolves `old:new` against the source snapshot. `old` is `[schema.]table` or `[schema.]table.column`. */
function resolve(spec: string, snapshot: SchemaSnapshot): { table: Table; column?: string; to: string } {
  const at = spec.lastIndexOf(':');
  if (at <= 0 || at === spec.length - 1) {
    throw new MigratorError('MIGRATOR_INVALID_OPTION', `--rename ${spec}: expected old:new, e.g. users.fullname:full_name or orders:purchases`);
  }
  const parts = spec.slice(0, at).split('.');
  const to = spec.slice(at + 1);
  const find = (schema: string, name: string) => snapshot.tables.find((t) => t.schema === schema && t.name === name);
  const candidates: { table: Table | undefined; column?: string }[] = [];
  if (parts.length === 1) candidates.push({ table: find('public', parts[0]!) });
  if (parts.length === 2) candidates.push({ table: find('public', parts[0]!), column: parts[1]! }, { table: find(parts[0]!, parts[1]!) });
  if (parts.length === 3) candidates.push({ table: find(parts[0]!, parts[1]!), column: parts[2]! });
  for (const c of candidates) {
    if (!c.table) continue;
    if (c.column === undefined) return { table: c.table, to };
    if (c.table.columns.some((x) => x.name === c.column)) return { table: c.table, column: c.column, to };
  }
  throw new MigratorError('MIGRATOR_INVALID_OPTION', `--rename ${spec}: no table or column ${spec.slice(0, at)} in the source schema`);
}

const replaceWord = (text: string, from: string, to: string) =>
  /^[a-z_][a-z0-9_]*$/.test(from) && /^[a-z_][a-z0-9_]*$/.test(to) ? text.replace(new RegExp(`\\b${from}\\b`, 'g'), to) : text;

/**
 * Applies accepted renames to a copy of the source snapshot and returns the `ALTER … RENAME` statements,
 * which run first. The rest of the diff then sees the renamed objects as unchanged.
 */
export function applyRenames(snapshot: SchemaSnapshot, specs: string[]): { snapshot: SchemaSnapshot; operations: Operation[] } {
  if (specs.length === 0) return { snapshot, operations: [] };
  const copy = structuredClone(snapshot);
  const operations: Operation[] = [];
  for (const spec of specs) {
    const { table, column, to } = resolve(spec, copy);
    const name = quoteQualified(table.schema, table.name);
    if (column !== undefined) {
      operations.push({ phase: Phase.rename, kind: 'rename column', object: `${table.schema}.${table.name}.${column}`, sql: `ALTER TABLE ${name} RENAME COLUMN ${quoteIdent(column)} TO ${quoteIdent(to)};`, transaction: true });
      for (const c of table.columns) if (c.name === column) c.name = to;
      const fix = (list: string[]) => list.map((c) => (c === column ? to : c));
      for (const c of [...table.uniqueConstraints, ...table.foreignKeys, ...(table.primaryKey ? [table.primaryKey] : [])]) {
        c.columns = fix(c.columns);
        c.definition = replaceWord(c.definition, column, to);
      }
      for (const c of table.checks) c.definition = replaceWord(c.definition, column, to);
      for (const i of table.indexes) {
        i.columns = fix(i.columns);
        i.using = replaceWord(i.using, column, to);
      }
      for (const t of copy.tables) {
        for (const fk of t.foreignKeys) {
          if (fk.references.schema === table.schema && fk.references.table === table.name) fk.references.columns = fix(fk.references.columns);
        }
      }
      for (const s of copy.sequences) if (s.ownedBy && s.ownedBy.schema === table.schema && s.ownedBy.table === table.name && s.ownedBy.column === column) s.ownedBy.column = to;
      continue;
    }
    operations.push({ phase: Phase.rename, kind: 'rename table', object: `${table.schema}.${table.name}`, sql: `ALTER TABLE ${name} RENAME TO ${quoteIdent(to)};`, transaction: true });
    const oldKey = name;
    const newKey = quoteQualified(table.schema, to);
    for (const t of copy.tables) {
      for (const fk of t.foreignKeys) if (fk.references.schema === table.schema && fk.references.table === table.name) fk.references.table = to;
      t.inherits = t.inherits.map((p) => (p === oldKey ? newKey : p));
      if (t.partitionOf && t.partitionOf.schema === table.schema && t.partitionOf.table === table.name) t.partitionOf.table = to;
    }
    for (const s of copy.sequences) if (s.ownedBy && s.ownedBy.schema === table.schema && s.ownedBy.table === table.name) s.ownedBy.table = to;
    for (const v of copy.views) v.dependsOn = v.dependsOn.map((d) => (d === `table:${oldKey}` ? `table:${newKey}` : d));
    table.name = to;
  }
  return { snapshot: copy, operations };
}

/** The renames that undo `specs` (for the down migration): `s.t.old:new` → `s.t.new:old`, `s.old:new` → `s.new:old`. */
export function reverseRenames(specs: string[], source: SchemaSnapshot): string[] {
  return [...specs].reverse().map((spec) => {
    const { table, column, to } = resolve(spec, source);
    return column !== undefined ? `${table.schema}.${table.name}.${to}:${column}` : `${table.schema}.${to}:${table.name}`;
  });
}
