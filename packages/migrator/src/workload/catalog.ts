import type { Queryable } from '../connection/queryable.js';

/** An index as the checks see it. */
export interface IndexInfo {
  schema: string;
  table: string;
  name: string;
  /** Key columns in order (INCLUDE columns excluded); empty when any key is an expression. */
  columns: string[];
  /** `indclass`/`indoption`/collation of the key columns, to compare indexes exactly. */
  signature: string[];
  method: string;
  unique: boolean;
  primary: boolean;
  valid: boolean;
  expression: boolean;
  partial: boolean;
  /** True when a constraint (PK, UNIQUE, EXCLUDE) uses the index: it cannot simply be dropped. */
  constraint: boolean;
  definition: string;
  sizeBytes: number;
  scans: number;
  tableRows: number;
}

const USER_SCHEMA = `n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`;

/** Every index in user schemas with its key columns, usage and size. */
export async function listIndexes(db: Queryable): Promise<IndexInfo[]> {
  const { rows } = await db.query<{
    schema: string; table: string; name: string; columns: (string | null)[]; signature: string[]; method: string;
    unique: boolean; primary: boolean; valid: boolean; expression: boolean; partial: boolean; constraint: boolean;
    definition: string; size_bytes: string; scans: string; table_rows: string;
  }>(`
    select n.nspname as schema, t.relname as table, i.relname as name,
      array(select a.attname::text from unnest(x.indkey::int2[]) with ordinality k(attnum, ord)
            left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum and k.attnum > 0
            where k.ord <= x.indnkeyatts order by k.ord) as columns,
      array(select (x.indclass::oid[])[k.ord - 1]::text || '/' || (x.indoption::int2[])[k.ord - 1]::text || '/' || (x.indcollation::oid[])[k.ord - 1]::text
            from generate_series(1, x.indnkeyatts) k(ord)) as signature,
      am.amname as method, x.indisunique as unique, x.indisprimary as primary, x.indisvalid as valid,
      x.indexprs is not null as expression, x.indpred is not null as partial,
      exists (select 1 from pg_constraint c where c.conindid = x.indexrelid and c.contype in ('p', 'u', 'x')) as constraint,
      pg_get_indexdef(x.indexrelid) as definition, pg_relation_size(x.indexrelid)::text as size_bytes,
      coalesce(s.idx_scan, 0)::text as scans, greatest(t.reltuples, 0)::bigint::text as table_rows
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_am am on am.oid = i.relam
    left join pg_stat_user_indexes s on s.indexrelid = x.indexrelid
    where ${USER_SCHEMA}
    order by 1, 2, 3`);
  return rows.map((r) => ({
    schema: r.schema,
    table: r.table,
    name: r.name,
    columns: r.columns.some((c) => c === null) ? [] : (r.columns as string[]),
    signature: r.signature,
    method: r.method,
    unique: r.unique,
    primary: r.primary,
    valid: r.valid,
    expression: r.expression,
    partial: r.partial,
    constraint: r.constraint,
    definition: r.definition,
    sizeBytes: Number(r.size_bytes),
    scans: Number(r.scans),
    tableRows: Number(r.table_rows),
  }));
}

export { USER_SCHEMA };

/** Tables (and materialised views) with their columns, by `schema.table`, plus the search order for unqualified names. */
export interface CatalogTables {
  columns: Map<string, Set<string>>;
  searchPath: string[];
}

/** Every user table's columns and the session's search path (to resolve unqualified names). */
export async function catalogTables(db: Queryable): Promise<CatalogTables> {
  const { rows } = await db.query<{ key: string; cols: string[] }>(`
    select n.nspname || '.' || c.relname as key, array_agg(a.attname::text) as cols
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relkind in ('r', 'p', 'm') and n.nspname not in ('pg_catalog', 'information_schema')
    group by 1`);
  const { rows: path } = await db.query<{ s: string[] }>(`select current_schemas(false)::text[] as s`);
  return { columns: new Map(rows.map((r) => [r.key, new Set(r.cols)])), searchPath: path[0]?.s ?? ['public'] };
}

/** A single-column foreign key: `table.column` references `references`. */
export interface ForeignKeyRef {
  schema: string;
  table: string;
  column: string;
  refSchema: string;
  references: string;
  refColumn: string;
}

/** Every single-column foreign key in user schemas. */
export async function singleColumnForeignKeys(db: Queryable): Promise<ForeignKeyRef[]> {
  const { rows } = await db.query<ForeignKeyRef>(`
    select n.nspname as schema, t.relname as table, a.attname as column,
      rn.nspname as "refSchema", r.relname as references, ra.attname as "refColumn"
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
    join pg_class r on r.oid = c.confrelid join pg_namespace rn on rn.oid = r.relnamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = c.confkey[1]
    where c.contype = 'f' and array_length(c.conkey, 1) = 1 and ${USER_SCHEMA}
    order by 1, 2, 3`);
  return rows;
}
