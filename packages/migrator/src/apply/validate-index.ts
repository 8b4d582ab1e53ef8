import { quoteQualified } from '../sql/quote.js';
import type { Queryable } from '../connection/queryable.js';
import type { PlannedStatement } from './split.js';

/**
 * A dry run cannot execute `CREATE INDEX CONCURRENTLY`, but it can check what would make it fail at once:
 * the table and the key columns must exist (as of this point of the dry-run transaction, so tables created
 * by earlier statements count). Returns the problem, or undefined when the check passes.
 */
export async function validateIndexTarget(db: Queryable, statement: PlannedStatement): Promise<string | undefined> {
  const target = statement.indexTarget;
  if (!target) return undefined;
  const name = quoteQualified(target.schema, target.table);
  const { rows } = await db.query<{ columns: string[] | null }>(
    `select (select array_agg(attname::text) from pg_attribute where attrelid = to_regclass($1) and attnum > 0 and not attisdropped) as columns`,
    [name],
  );
  const columns = rows[0]?.columns;
  if (!columns) return `relation ${name} does not exist`;
  const missing = target.columns.filter((c) => !columns.includes(c));
  if (missing.length > 0) return `column ${missing.map((c) => `"${c}"`).join(', ')} does not exist in ${name}`;
  return undefined;
}
