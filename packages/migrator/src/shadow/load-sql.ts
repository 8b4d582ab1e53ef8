import type { Queryable } from '../connection/queryable.js';
import { checkAborted } from '../abort.js';
import { MigratorError } from '../errors.js';
import { lineColumn, splitStatements } from './split.js';

/**
 * Runs a schema file (as one script when `options.script` is given, else statement by statement); a
 * failing statement becomes one
 * `MIGRATOR_SCHEMA_LOAD_FAILED` error with file:line:column and PostgreSQL's message.
 */
export async function loadSql(
  db: Queryable,
  text: string,
  file: string,
  options: { signal?: AbortSignal; onProgress?: (message: string) => void; script?: (sql: string) => Promise<unknown> } = {},
): Promise<number> {
  const statements = await splitStatements(text, file);
  if (options.script) {
    // Fast path: the whole file in one simple-protocol round trip. It runs in one implicit transaction, so a
    // failure leaves the database empty and the statement-by-statement path below finds the culprit.
    try {
      await options.script(text);
      return statements.length;
    } catch {
      options.onProgress?.(`locating the failing statement of ${file}`);
    }
  }
  let done = 0;
  for (const statement of statements) {
    checkAborted(options.signal, `loading ${file}`);
    try {
      await db.query(statement.sql);
    } catch (cause) {
      const e = cause as { message?: string; position?: string | number; code?: string; detail?: string };
      const position = e.position !== undefined ? Number(e.position) - 1 : 0;
      const { line, column } = lineColumn(text, statement.offset + Math.max(0, position));
      const detail = e.detail ? ` (${e.detail})` : '';
      throw new MigratorError('MIGRATOR_SCHEMA_LOAD_FAILED', `${file}:${line}:${column}: ${e.message ?? String(cause)}${detail}`, { cause });
    }
    done++;
    if (done % 25 === 0) options.onProgress?.(`loading ${file}: ${done}/${statements.length} statements`);
  }
  return statements.length;
}
