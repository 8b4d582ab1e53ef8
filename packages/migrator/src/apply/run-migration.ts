import { performance } from 'node:perf_hooks';
import type { LoadedMigration } from './load.js';
import { notRun, round, runStatement } from './execute.js';
import { validateIndexTarget } from './validate-index.js';
import { forgetApplied, recordApplied, recordProgress, type TrackingTable } from './tracking.js';
import type { Progress } from '@sb/errors';
import type { ApplyClient, MigrationFailure, MigrationReport } from './types.js';

export interface RunContext {
  db: ApplyClient;
  tracking: TrackingTable;
  direction: 'up' | 'down';
  dryRun: boolean;
  onProgress?: ((progress: Progress) => void) | undefined;
}

export interface RunOutcome {
  report: MigrationReport;
  failure?: MigrationFailure;
}

/**
 * Runs one migration in one direction. Transactional sections run in their own transaction together with
 * the tracking-table write, so either both persist or neither. transaction:false sections run statement
 * by statement, recording progress after each one, and resume at `resumeAt` (1-based) after an interruption.
 * In a dry run the caller holds the transaction; statements that cannot run in one are reported, not run.
 */
export async function runMigration(ctx: RunContext, m: LoadedMigration, resumeAt = 1): Promise<RunOutcome> {
  const section = ctx.direction === 'up' ? m.up : m.down;
  const statements = ctx.direction === 'up' ? m.upStatements : m.downStatements;
  const inTransaction = section.transaction && !ctx.dryRun;
  const report: MigrationReport = {
    fileName: m.fileName,
    version: m.version,
    transaction: section.transaction,
    status: ctx.dryRun ? 'dry-run' : ctx.direction === 'up' ? 'applied' : 'reverted',
    durationMs: 0,
    statements: [],
  };
  if (resumeAt > 1) report.resumedAt = resumeAt;
  const started = performance.now();
  const track = async (done: number, complete: boolean) => {
    if (ctx.dryRun) return;
    if (ctx.direction === 'down') {
      if (complete) await forgetApplied(ctx.db, ctx.tracking, m.version);
      return;
    }
    const fields = { version: m.version, name: m.fileName, checksum: m.checksum, durationMs: performance.now() - started };
    if (complete || done === 0) {
      await recordApplied(ctx.db, ctx.tracking, { ...fields, statementsDone: done, statementsTotal: statements.length, complete });
    } else {
      await recordProgress(ctx.db, ctx.tracking, m.version, done, fields.durationMs);
    }
  };

  if (inTransaction) await ctx.db.query('begin');
  else if (!ctx.dryRun && !section.transaction && resumeAt === 1) await track(0, false);
  for (const statement of statements) {
    if (statement.index < resumeAt) {
      report.statements.push(notRun(statement, m.fileName, 'already-done', 'done by an earlier, interrupted run'));
      continue;
    }
    if (ctx.dryRun && statement.nonTransactional) {
      const problem = await validateIndexTarget(ctx.db, statement);
      const checked = statement.indexTarget && !problem ? ['checked: the table and columns exist'] : [];
      report.statements.push({
        ...notRun(statement, m.fileName, problem ? 'failed' : 'not-dry-runnable', `not dry-runnable: ${statement.nonTransactional}`),
        ...(checked.length > 0 ? { notes: [`not dry-runnable: ${statement.nonTransactional}`, ...checked, ...statement.warnings] } : {}),
      });
      if (problem) {
        report.status = 'failed';
        report.durationMs = round(performance.now() - started);
        return {
          report,
          failure: { fileName: m.fileName, location: `${m.fileName}:${statement.line}`, statement: statement.sql, error: { message: problem }, rolledBack: true, statementsApplied: 0 },
        };
      }
      continue;
    }
    ctx.onProgress?.({ phase: 'statement', message: `${m.fileName}: statement ${statement.index}/${statements.length}`, done: statement.index - 1, total: statements.length });
    const outcome = await runStatement(ctx.db, statement, m.fileName, ctx.dryRun);
    report.statements.push(outcome.report);
    if (outcome.failure) {
      if (inTransaction) await ctx.db.query('rollback');
      else if (!ctx.dryRun && ctx.direction === 'up' && statement.index === 1) await forgetApplied(ctx.db, ctx.tracking, m.version);
      for (const rest of statements.filter((s) => s.index > statement.index)) {
        report.statements.push(notRun(rest, m.fileName, 'not-run'));
      }
      report.status = section.transaction || statement.index === 1 ? 'failed' : 'partial';
      report.durationMs = round(performance.now() - started);
      return {
        report,
        failure: {
          fileName: m.fileName,
          location: outcome.report.location,
          statement: statement.sql,
          error: outcome.failure,
          rolledBack: section.transaction,
          statementsApplied: section.transaction || ctx.dryRun ? 0 : statement.index - 1,
        },
      };
    }
    if (!inTransaction && !section.transaction) await track(statement.index, false);
  }
  await track(statements.length, true);
  if (inTransaction) await ctx.db.query('commit');
  report.durationMs = round(performance.now() - started);
  ctx.onProgress?.({ phase: 'migration', message: `${m.fileName} done` });
  return { report };
}
