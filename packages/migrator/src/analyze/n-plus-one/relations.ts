import type { ForeignKeyRef } from '../../workload/catalog.js';
import type { ParsedStatement } from '../../workload/parse-statement.js';
import type { TableRef } from '../../workload/shape.js';

/** The column a repeated statement looks up by one value: `posts.user_id = $1`. */
export interface PointLookup {
  table: TableRef;
  column: string;
  /** Byte offset of the `$n` parameter, when the value is a bare parameter (for the batched rewrite). */
  location?: number;
}

/** How a parent's rows lead to the child's lookups. */
export interface Relation {
  /** one-to-many: the child reads the rows referencing each parent row; many-to-one: the row each parent row references. */
  kind: 'one-to-many' | 'many-to-one';
  /** The table the parent must read. */
  parentTable: string;
  /** `posts.user_id → users.id` */
  via: string;
  /** A declared foreign key, or the `<name>_id` naming convention when none is declared. */
  evidence: 'foreign key' | 'column name';
}

/** The point lookup of a SELECT (the first `col = $n` of its outer query block), if it has one. */
export function pointLookupOf(statement: ParsedStatement): PointLookup | undefined {
  if (statement.kind !== 'select') return undefined;
  for (const use of statement.uses) {
    const p = use.point[0];
    if (p) return p.location === undefined ? { table: use.table, column: p.column } : { table: use.table, column: p.column, location: p.location };
  }
  return undefined;
}

/**
 * The tables a parent statement must read for `lookup` to run once per parent row: through a declared
 * foreign key from or to the looked-up column, else through the `<table>_id` naming convention.
 */
export function relationsFor(lookup: PointLookup, fks: ForeignKeyRef[], tables: Set<string>): Relation[] {
  const name = lookup.table.name;
  const same = (schema: string, table: string) => table === name && (!lookup.table.schema || lookup.table.schema === schema);
  const out: Relation[] = [];
  for (const fk of fks) {
    if (same(fk.schema, fk.table) && fk.column === lookup.column) {
      out.push({ kind: 'one-to-many', parentTable: fk.references, via: `${fk.table}.${fk.column} → ${fk.references}.${fk.refColumn}`, evidence: 'foreign key' });
    }
    if (same(fk.refSchema, fk.references) && fk.refColumn === lookup.column) {
      out.push({ kind: 'many-to-one', parentTable: fk.table, via: `${fk.table}.${fk.column} → ${fk.references}.${fk.refColumn}`, evidence: 'foreign key' });
    }
  }
  if (out.length > 0) return out;
  const stem = /^(.+)_id$/.exec(lookup.column)?.[1];
  if (stem) {
    for (const parent of [stem, `${stem}s`, `${stem}es`, `${stem.replace(/y$/, '')}ies`].filter((t) => tables.has(t))) {
      out.push({ kind: 'one-to-many', parentTable: parent, via: `${name}.${lookup.column} → ${parent}.id`, evidence: 'column name' });
    }
  }
  return out;
}

/** True when the statement reads the table. */
export function reads(statement: ParsedStatement, table: string): boolean {
  return statement.tables.some((t) => t.name === table);
}
