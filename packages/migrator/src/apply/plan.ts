import { MigratorError } from '../errors.js';
import type { LoadedMigration, LoadedMigrations } from './load.js';
import type { AppliedMigration } from './tracking.js';

/** One migration to run, and where to start (a resumed transaction:false migration skips what is done). */
export interface PlannedRun {
  migration: LoadedMigration;
  resumeAt: number;
}

/**
 * Compares the files with the tracking table and decides what to run. Refuses (throws) when an applied
 * file changed (`MIGRATOR_CHECKSUM_MISMATCH`, both checksums), when an applied migration's file is gone
 * from the directory (`MIGRATOR_MISSING_MIGRATION`), and when a pending migration is older than the newest
 * applied one (`MIGRATOR_MIGRATION_ORDER`, a gap in the history) unless `allowOutOfOrder`.
 */
export function planUp(loaded: LoadedMigrations, applied: AppliedMigration[], allowOutOfOrder: boolean): { runs: PlannedRun[]; alreadyApplied: number } {
  checkChecksums(loaded.migrations, applied);
  const files = new Map(loaded.migrations.map((m) => [m.version, m]));
  if (loaded.directory) {
    const missing = applied.filter((a) => !files.has(a.version));
    if (missing.length > 0) {
      throw new MigratorError(
        'MIGRATOR_MISSING_MIGRATION',
        `applied migration${missing.length > 1 ? 's' : ''} missing from the directory: ${missing.map((a) => a.name).join(', ')} (restore the file${missing.length > 1 ? 's' : ''}; the database has ${missing.length > 1 ? 'them' : 'it'})`,
      );
    }
  }
  const done = new Map(applied.map((a) => [a.version, a]));
  const newest = applied.filter((a) => a.complete).map((a) => a.version).sort().at(-1);
  const runs: PlannedRun[] = [];
  let alreadyApplied = 0;
  for (const m of loaded.migrations) {
    const row = done.get(m.version);
    if (row?.complete) {
      alreadyApplied++;
      continue;
    }
    if (!row && newest && m.version < newest && !allowOutOfOrder) {
      throw new MigratorError(
        'MIGRATOR_MIGRATION_ORDER',
        `${m.fileName} is older than the newest applied migration (${newest}): a gap in the history. Give it a newer timestamp, or pass allowOutOfOrder (--allow-out-of-order)`,
      );
    }
    runs.push({ migration: m, resumeAt: row && !m.up.transaction ? row.statementsDone + 1 : 1 });
  }
  return { runs, alreadyApplied };
}

/** The last `count` applied migrations, newest first, each with its file. */
export function planDown(loaded: LoadedMigrations, applied: AppliedMigration[], count: number): PlannedRun[] {
  checkChecksums(loaded.migrations, applied);
  const files = new Map(loaded.migrations.map((m) => [m.version, m]));
  const last = applied.filter((a) => a.complete).sort((a, b) => b.version.localeCompare(a.version)).slice(0, count);
  return last.map((a) => {
    const migration = files.get(a.version);
    if (!migration) {
      throw new MigratorError('MIGRATOR_MISSING_MIGRATION', `cannot roll back ${a.name}: its file is not in the given path`);
    }
    // A down section of comments only is a deliberate no-op (written by sb db diff when there is nothing to undo).
    if (migration.downStatements.length === 0 && migration.down.sql.trim() === '') {
      throw new MigratorError('MIGRATOR_INVALID_MIGRATION', `${a.name}: no "-- migrate:down" statements to roll back with`);
    }
    return { migration, resumeAt: 1 };
  });
}

function checkChecksums(migrations: LoadedMigration[], applied: AppliedMigration[]): void {
  const byVersion = new Map(applied.map((a) => [a.version, a]));
  const changed = migrations.filter((m) => {
    const row = byVersion.get(m.version);
    return row !== undefined && row.checksum !== m.checksum;
  });
  if (changed.length === 0) return;
  const lines = changed.map((m) => `  ${m.fileName}: applied ${byVersion.get(m.version)!.checksum}, file now ${m.checksum}`);
  throw new MigratorError(
    'MIGRATOR_CHECKSUM_MISMATCH',
    `refusing to run: ${changed.length} applied migration${changed.length > 1 ? 's' : ''} changed since applied (sha-256):\n${lines.join('\n')}\nRevert the edit and write a new migration instead.`,
  );
}
