// Identifiers chosen by the program (a table model, as sb scaffold --from-db writes it), quoted by kysely's
// sql.id/ref/table: a name cannot leave its double quotes, and no request data chooses it.
import { sql, type Kysely } from 'kysely';

interface TableMeta {
  readonly table: readonly [string, string];
  readonly columns: ReadonlyMap<string, string>;
}

export function selectField(db: Kysely<unknown>, meta: TableMeta, field: string, id: number) {
  const column = meta.columns.get(field);
  if (column === undefined) throw new Error(`no column for field ${field}`);
  return sql`select ${sql.ref(`t.${column}`)} as ${sql.id(field)} from ${sql.id(meta.table[0], meta.table[1])} as t where id = ${id}`.execute(db);
}

export function countRows(db: Kysely<unknown>, meta: TableMeta) {
  return sql`select count(*) from ${sql.table(`${meta.table[0]}.${meta.table[1]}`)}`.execute(db);
}
