import { MigratorError } from '../errors.js';

/** One statement of a schema file with where it starts. */
export interface Statement {
  sql: string;
  /** 0-based character offset of the statement in the file. */
  offset: number;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/**
 * Splits a schema file into statements with PostgreSQL's own parser (libpg_query), so errors can be
 * pointed at file:line:column. A syntax error is reported right here, before any database is touched.
 */
export async function splitStatements(text: string, file: string): Promise<Statement[]> {
  let result: { stmts?: { stmt_location?: number | null; stmt_len?: number }[] };
  try {
    const { parse } = await import('libpg-query');
    result = (await parse(text)) as typeof result;
  } catch (cause) {
    const details = (cause as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
    const bytes = Buffer.from(text, 'utf8');
    const offset = details?.cursorPosition !== undefined ? bytes.subarray(0, details.cursorPosition).toString('utf8').length : 0;
    const { line, column } = lineColumn(text, offset);
    throw new MigratorError('MIGRATOR_SCHEMA_LOAD_FAILED', `${file}:${line}:${column}: ${(cause as Error).message}`, { cause });
  }
  const bytes = Buffer.from(text, 'utf8');
  const out: Statement[] = [];
  for (const s of result.stmts ?? []) {
    const start = s.stmt_location ?? 0;
    const end = s.stmt_len ? start + s.stmt_len : bytes.length;
    const raw = bytes.subarray(start, end).toString('utf8');
    const lead = raw.length - raw.trimStart().length;
    const sql = raw.trim();
    if (sql === '') continue;
    out.push({ sql, offset: bytes.subarray(0, start).toString('utf8').length + lead });
  }
  return out;
}
