import { readFile } from 'node:fs/promises';
import { parse } from 'libpg-query';
import { readStatements } from '../workload/statements.js';
import type { Queryable } from '../connection/queryable.js';
import { MigratorError } from '../errors.js';

/** A query to find indexes for. */
export interface WorkloadQuery {
  query: string;
  /** From pg_stat_statements. */
  calls?: number;
  totalMs?: number;
  /** From a file: where it starts. */
  location?: string;
}

/** The top `limit` application queries by total time from pg_stat_statements. */
export async function queriesFromStatements(db: Queryable, limit: number): Promise<WorkloadQuery[]> {
  return (await readStatements(db, limit)).map((s) => ({ query: s.query, calls: s.calls, totalMs: s.totalMs }));
}

/** Every statement of a SQL file, split by the PostgreSQL parser; a syntax error names file:line. */
export async function queriesFromFile(path: string): Promise<WorkloadQuery[]> {
  const text = await readFile(path, 'utf8').catch((cause: unknown) => {
    throw new MigratorError('MIGRATOR_INVALID_OPTION', `${path}: cannot read the queries file`, { cause });
  });
  const bytes = Buffer.from(text, 'utf8');
  const lineAt = (offset: number) => 1 + bytes.subarray(0, offset).toString('utf8').split('\n').length - 1;
  let parsed;
  try {
    parsed = await parse(text);
  } catch (cause) {
    const position = (cause as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition ?? 0;
    throw new MigratorError('MIGRATOR_INVALID_QUERY', `${path}:${lineAt(position)}: ${(cause as Error).message}`, { cause });
  }
  return (parsed.stmts ?? []).map((s) => {
    const start = s.stmt_location ?? 0;
    const raw = bytes.subarray(start, s.stmt_len ? start + s.stmt_len : bytes.length).toString('utf8');
    const lead = /^\s*/.exec(raw)?.[0].length ?? 0;
    return {
      query: raw.trim().replace(/;\s*$/, ''),
      location: `${path}:${lineAt(start + Buffer.byteLength(raw.slice(0, lead)))}`,
    };
  });
}
