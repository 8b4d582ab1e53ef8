import type { Queryable } from '../connection/queryable.js';
import type { TrackingTable } from './tracking.js';

/** A driver client that also reports row counts and command tags (`pg.Client` does). */
export interface ApplyClient extends Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount?: number | null; command?: string }>;
}

/** Options for {@link migrate}. */
export interface MigrateOptions {
  /** A migrations directory (every `*.sql` file) or one migration file. */
  path: string;
  /** `postgres://` URL. The runner opens its own session (the advisory lock is per session). */
  connectionString?: string;
  /** Or a connected client the runner uses and does not close. */
  client?: ApplyClient;
  /** Run inside one transaction that is rolled back, reporting rows, locks and time per statement. */
  dryRun?: boolean;
  /** Roll back the last `down` applied migrations instead of applying pending ones. */
  down?: number;
  /** `lock_timeout` for the migration statements; default `5s`. `0` disables. */
  lockTimeout?: string | number;
  /** `statement_timeout` for the migration statements; default `15min`. `0` disables. */
  statementTimeout?: string | number;
  /** How long to wait for another runner's migration lock before `MIGRATOR_LOCKED`; default `10min`. */
  lockWait?: string | number;
  /** Default `public.sb_schema_migrations`. */
  trackingTable?: TrackingTable;
  /** Apply a pending migration older than the newest applied one instead of refusing. */
  allowOutOfOrder?: boolean;
}

/** A relation-level lock a statement took (from `pg_locks`). */
export interface LockReport {
  /** e.g. `AccessExclusiveLock`. */
  mode: string;
  /** e.g. `ACCESS EXCLUSIVE`: the name used in `LOCK TABLE` and the docs. */
  label: string;
  /** `schema.name` of the relation, or `oid 1234` for one dropped by the statement. */
  relation: string;
  /** Dry-run: the transaction already held this lock from an earlier statement (the statement needs it too). */
  heldBefore?: boolean;
}

export type StatementStatus = 'ok' | 'failed' | 'not-run' | 'already-done' | 'not-dry-runnable';

/** What happened to one statement. */
export interface StatementReport {
  index: number;
  /** file:line */
  location: string;
  sql: string;
  status: StatementStatus;
  /** Command tag, e.g. `UPDATE`. */
  command?: string;
  /** Rows affected/returned, when PostgreSQL reports a count. */
  rows?: number | null;
  durationMs?: number;
  /** Dry-run only: relation locks the statement took that were not held before it. */
  locks?: LockReport[];
  /** Why it was not dry-run, or lint advice. */
  notes: string[];
}

export type MigrationStatus = 'applied' | 'reverted' | 'dry-run' | 'failed' | 'partial';

export interface MigrationReport {
  fileName: string;
  version: string;
  transaction: boolean;
  status: MigrationStatus;
  /** For a resumed transaction:false migration: the first statement run this time (1-based). */
  resumedAt?: number;
  durationMs: number;
  statements: StatementReport[];
}

/** A statement failed: the statement, PostgreSQL's error, where it is in the file. */
export interface MigrationFailure {
  fileName: string;
  /** file:line of the failing statement. */
  location: string;
  statement: string;
  error: { code?: string; message: string; detail?: string; hint?: string; position?: number };
  /** True when the migration's transaction was rolled back (nothing of it persists). */
  rolledBack: boolean;
  /** Statements of the migration that persist (transaction:false migrations only). */
  statementsApplied: number;
}

/** What {@link migrate} did. A failed statement is reported here (`failure`), not thrown. */
export interface MigrateResult {
  target: string;
  direction: 'up' | 'down';
  dryRun: boolean;
  trackingTable: string;
  /** Migrations run (or attempted), in order. */
  migrations: MigrationReport[];
  /** Applied earlier and left alone. */
  alreadyApplied: number;
  failure?: MigrationFailure;
}
