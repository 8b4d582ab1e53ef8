import { untrackSession } from '../workload/statements.js';
import { connect } from '../connection/connect.js';
import { describeTarget } from '../connection/target.js';
import type { RunControl } from '@sb/errors';
import { checkAborted } from '../abort.js';
import { MigratorError } from '../errors.js';
import { loadMigrations } from './load.js';
import { acquireRunnerLock, releaseRunnerLock } from './lock.js';
import { planDown, planUp, type PlannedRun } from './plan.js';
import { runMigration, type RunContext } from './run-migration.js';
import { timeoutLiteral } from './timeout.js';
import { DEFAULT_TRACKING_TABLE, ensureTrackingTable, readApplied, trackingName } from './tracking.js';
import type { ApplyClient, MigrateOptions, MigrateResult } from './types.js';

/**
 * Applies pending migrations (or rolls back the last `down`), safely:
 * - every file is parsed and linted before anything runs (syntax error → `MIGRATOR_INVALID_MIGRATION` with file:line);
 * - a session advisory lock serialises concurrent runners; each migration is applied exactly once;
 * - each migration runs in its own transaction together with its tracking-table row; transaction:false
 *   migrations run statement by statement, recording progress, and resume after an interruption;
 * - a failing statement rolls its migration back and is reported in `result.failure` (not thrown);
 * - `dryRun` runs everything inside one transaction that is rolled back, reporting rows, locks and time.
 *
 * @example
 * ```ts
 * const result = await migrate({ path: 'migrations', connectionString: process.env.DATABASE_URL! });
 * if (result.failure) console.error(result.failure.location, result.failure.error.message);
 * ```
 */
export async function migrate(options: MigrateOptions, control: RunControl = {}): Promise<MigrateResult> {
  const tracking = options.trackingTable ?? DEFAULT_TRACKING_TABLE;
  const lockTimeout = timeoutLiteral(options.lockTimeout ?? '5s', 'lockTimeout');
  const statementTimeout = timeoutLiteral(options.statementTimeout ?? '15min', 'statementTimeout');
  const lockWait = timeoutLiteral(options.lockWait ?? '10min', 'lockWait');
  if (options.down !== undefined && (!Number.isInteger(options.down) || options.down < 1)) {
    throw new MigratorError('MIGRATOR_INVALID_OPTION', `down: expected a whole number ≥ 1, got ${String(options.down)}`);
  }
  const loaded = await loadMigrations(options.path);
  const { db, close, target } = await open(options);
  const result: MigrateResult = {
    target,
    direction: options.down ? 'down' : 'up',
    dryRun: options.dryRun === true,
    trackingTable: trackingName(tracking),
    migrations: [],
    alreadyApplied: 0,
  };
  try {
    await db.query(`set client_connection_check_interval = '1s'`);
    await untrackSession(db);
    control.onProgress?.({ phase: 'lock', message: 'waiting for the migration lock' });
    await acquireRunnerLock(db, tracking, lockWait);
    try {
      if (!options.dryRun) await ensureTrackingTable(db, tracking);
      const { rows: applied } = await readApplied(db, tracking);
      let runs: PlannedRun[];
      if (options.down) {
        runs = planDown(loaded, applied, options.down);
        result.alreadyApplied = applied.filter((a) => a.complete).length - runs.length;
      } else {
        const planned = planUp(loaded, applied, options.allowOutOfOrder === true);
        runs = planned.runs;
        result.alreadyApplied = planned.alreadyApplied;
      }
      await db.query(`set lock_timeout = ${lockTimeout}`);
      await db.query(`set statement_timeout = ${statementTimeout}`);
      const ctx: RunContext = { db, tracking, direction: result.direction, dryRun: result.dryRun, onProgress: control.onProgress };
      if (result.dryRun) await db.query('begin');
      try {
        for (const run of runs) {
          checkAborted(control.signal, 'migrate');
          const outcome = await runMigration(ctx, run.migration, run.resumeAt);
          result.migrations.push(outcome.report);
          if (outcome.failure) {
            result.failure = outcome.failure;
            break;
          }
        }
      } finally {
        if (result.dryRun) await db.query('rollback');
      }
    } finally {
      await db.query('reset lock_timeout; reset statement_timeout').catch(() => undefined);
      await releaseRunnerLock(db, tracking).catch(() => undefined);
    }
  } finally {
    await close();
  }
  return result;
}

async function open(options: MigrateOptions): Promise<{ db: ApplyClient; close: () => Promise<void>; target: string }> {
  if (options.client) return { db: options.client, close: async () => undefined, target: 'given client' };
  if (!options.connectionString) {
    throw new MigratorError('MIGRATOR_INVALID_OPTION', 'connectionString: required (e.g. postgres://user@127.0.0.1:5432/app)');
  }
  const client = await connect({ connectionString: options.connectionString, applicationName: 'sb migrate' });
  return { db: client, close: () => client.end(), target: describeTarget(options.connectionString) };
}
