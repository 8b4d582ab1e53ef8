import { performance } from 'node:perf_hooks';
import { heldLocks, statementLocks } from './locks.js';
import type { PlannedStatement } from './split.js';
import type { ApplyClient, MigrationFailure, StatementReport } from './types.js';

/** The outcome of running one statement. */
export interface StatementOutcome {
  report: StatementReport;
  failure?: MigrationFailure['error'];
}

/**
 * Runs one statement and reports it; a PostgreSQL error is returned (never thrown) with its SQLSTATE,
 * detail, hint and position. With `trackLocks`, reports the relation locks the statement added
 * (meaningful inside a transaction, where locks are held until its end).
 */
export async function runStatement(
  db: ApplyClient,
  statement: PlannedStatement,
  fileName: string,
  trackLocks: boolean,
): Promise<StatementOutcome> {
  const report: StatementReport = {
    index: statement.index,
    location: `${fileName}:${statement.line}`,
    sql: statement.sql,
    status: 'ok',
    notes: [...statement.warnings],
  };
  const before = trackLocks ? await heldLocks(db) : [];
  const started = performance.now();
  try {
    const result = await db.query(statement.sql);
    report.durationMs = round(performance.now() - started);
    if (result.command !== undefined) report.command = result.command;
    report.rows = result.rowCount ?? null;
    if (trackLocks) report.locks = statementLocks(before, await heldLocks(db), statement.relations);
    return { report };
  } catch (cause) {
    report.durationMs = round(performance.now() - started);
    report.status = 'failed';
    return { report, failure: pgError(cause) };
  }
}

/** A statement that was not run, for the report. */
export function notRun(statement: PlannedStatement, fileName: string, status: StatementReport['status'], note?: string): StatementReport {
  return {
    index: statement.index,
    location: `${fileName}:${statement.line}`,
    sql: statement.sql,
    status,
    notes: note ? [note, ...statement.warnings] : [...statement.warnings],
  };
}

function pgError(cause: unknown): MigrationFailure['error'] {
  const e = cause as { code?: string; message?: string; detail?: string; hint?: string; position?: string };
  const error: MigrationFailure['error'] = { message: e.message ?? String(cause) };
  if (e.code) error.code = e.code;
  if (e.detail) error.detail = e.detail;
  if (e.hint) error.hint = e.hint;
  if (e.position) error.position = Number(e.position);
  return error;
}

export function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
