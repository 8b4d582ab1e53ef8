import { sql, type RawBuilder } from 'kysely';
import { cursorValue, decodeCursor } from './cursor.gen.js';
import { dbError } from './db-errors.gen.js';
import type { TableMeta } from './service-model.gen.js';

/** A row as selected: column values under their GraphQL field names. */
export type Row = Record<string, unknown>;
/** What runs the statements (the app's `Kysely` instance). */
export type Executor = Parameters<RawBuilder<unknown>['execute']>[0];

/** The arguments of a connection field. */
export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly filter?: Row | null;
  readonly orderBy?: string | null;
}

/** One page, planned: its order (cursors belong to it), the fields it orders by, the bounds. */
export interface PagePlan {
  readonly order: string;
  readonly fields: readonly string[];
  readonly desc: boolean;
  readonly first: number;
  /** Cursors hold the order and key fields' values (tables with a key), else the row's offset. */
  readonly keyset: boolean;
  /** Keyset start … */
  readonly after: readonly unknown[] | undefined;
  /** … or offset (tables without one). */
  readonly offset: number;
}

/** A table's SQL pieces, every identifier quoted by kysely (`sql.id`); built once per table. */
export class TableSql {
  readonly meta: TableMeta;
  readonly #columns: ReadonlyMap<string, string>;
  readonly #json: ReadonlySet<string>;

  constructor(meta: TableMeta) {
    this.meta = meta;
    this.#columns = new Map(meta.columns);
    this.#json = new Set(meta.json);
  }

  /** `"schema"."table" as "<alias>"`. */
  from(alias: string): RawBuilder<unknown> {
    return sql`${sql.id(this.meta.table[0], this.meta.table[1])} as ${sql.id(alias)}`;
  }

  /** The column of a field. */
  column(field: string): string {
    const column = this.#columns.get(field);
    if (column === undefined) throw new Error(`no column for field ${field}`);
    return column;
  }

  /** `"<alias>"."<column of field>"`. */
  col(alias: string, field: string): RawBuilder<unknown> {
    return sql.id(alias, this.column(field));
  }

  /** The columns of `fields` (none, or no set: every column), aliased to their field names. */
  selection(alias: string, fields?: ReadonlySet<string>): RawBuilder<unknown> {
    const picked = fields ? this.meta.columns.filter(([field]) => fields.has(field)) : this.meta.columns;
    const columns = picked.length > 0 ? picked : this.meta.columns;
    return sql.join(columns.map(([field, column]) => sql`${sql.id(alias, column)} as ${sql.id(field)}`));
  }

  /**
   * The fields to select for a client that asked for `requested`: those that are columns, plus what the
   * service itself reads (the key, the order of cursors, the columns of relations: `always`).
   */
  fieldsFor(requested: readonly string[], always: readonly string[]): ReadonlySet<string> {
    const out = new Set(always);
    for (const f of requested) if (this.#columns.has(f)) out.add(f);
    return out;
  }

  /** A value as it is bound: JSON columns as JSON text. */
  bind(field: string, value: unknown): unknown {
    return this.#json.has(field) && value !== null && value !== undefined ? JSON.stringify(value) : value;
  }

  /** The rows whose `fields` equal one of `keys` (a list of value tuples). */
  keyIn(alias: string, fields: readonly string[], keys: readonly (readonly unknown[])[]): RawBuilder<unknown> {
    if (fields.length === 1) return sql`${this.col(alias, fields[0]!)} = any(${keys.map((k) => this.bind(fields[0]!, k[0]))})`;
    const cols = sql.join(fields.map((f) => this.col(alias, f)));
    return sql`(${cols}) in (${sql.join(keys.map((k) => sql`(${sql.join(k.map((v, i) => sql`${this.bind(fields[i]!, v)}`))})`))})`;
  }

  /** The condition of one key. */
  keyIs(alias: string, values: Row): RawBuilder<unknown> {
    return sql.join(this.meta.key.map((f) => sql`${this.col(alias, f)} = ${values[f]}`), sql` and `);
  }
}

/** Checks `first`, `after` and `orderBy` against the table, or throws BAD_USER_INPUT. */
export function planPage(t: TableMeta, args: PageArgs, limits: { defaultPageSize: number; maxPageSize: number }): PagePlan {
  const first = args.first ?? limits.defaultPageSize;
  if (!Number.isInteger(first) || first < 0 || first > limits.maxPageSize) throw dbError('BAD_USER_INPUT', `first must be between 0 and ${limits.maxPageSize}`);
  const entry = t.orderBy.find(([name]) => name === (args.orderBy ?? t.orderBy[0]?.[0]));
  const order = entry?.[0] ?? 'NATURAL';
  const fields = entry ? [entry[1], ...t.key.filter((k) => k !== entry[1])] : [...t.key];
  const desc = entry?.[2] ?? false;
  const keyset = t.key.length > 0;
  if (args.after === undefined || args.after === null) return { order, fields, desc, first, keyset, after: undefined, offset: 0 };
  if (!keyset) {
    const [offset] = decodeCursor(args.after, order, 1);
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw dbError('BAD_USER_INPUT', 'after is not a cursor of this list in this order');
    return { order, fields, desc, first, keyset, after: undefined, offset };
  }
  return { order, fields, desc, first, keyset, after: decodeCursor(args.after, order, fields.length), offset: 0 };
}

/** The cursor values of a row of a page. */
export function cursorValues(plan: PagePlan, row: Row, index: number): unknown[] {
  return plan.keyset ? plan.fields.map((f) => cursorValue(row[f])) : [plan.offset + index + 1];
}

/** `select … from <table> as "<alias>" where … order by … limit first + 1`: one page (one more row tells if there is a next). */
export function pageSql(t: TableSql, plan: PagePlan, filter: Row | null | undefined, extra: readonly RawBuilder<unknown>[], alias = 't', fields?: ReadonlySet<string>): RawBuilder<Row> {
  const where: RawBuilder<unknown>[] = [...extra];
  for (const f of t.meta.filters) {
    if (!filter || !Object.hasOwn(filter, f)) continue;
    const value = filter[f];
    where.push(value === null ? sql`${t.col(alias, f)} is null` : sql`${t.col(alias, f)} = ${t.bind(f, value)}`);
  }
  if (plan.after) {
    const cols = sql.join(plan.fields.map((f) => t.col(alias, f)));
    const vals = sql.join(plan.after.map((v) => sql`${v}`));
    where.push(plan.desc ? sql`(${cols}) < (${vals})` : sql`(${cols}) > (${vals})`);
  }
  const conditions = where.length > 0 ? sql.join(where, sql` and `) : sql`true`;
  const direction = plan.desc ? sql` desc` : sql` asc`;
  const orderBy = plan.fields.length > 0 ? sql` order by ${sql.join(plan.fields.map((f) => sql`${t.col(alias, f)}${direction}`))}` : sql``;
  const offset = plan.offset > 0 ? sql` offset ${plan.offset}` : sql``;
  return sql<Row>`select ${t.selection(alias, fields)} from ${t.from(alias)} where ${conditions}${orderBy} limit ${plan.first + 1}${offset}`;
}
