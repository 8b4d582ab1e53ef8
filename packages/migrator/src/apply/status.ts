import { connect } from '../connection/connect.js';
import { describeTarget } from '../connection/target.js';
import { loadMigrations } from './load.js';
import { DEFAULT_TRACKING_TABLE, readApplied, trackingName, type TrackingTable } from './tracking.js';

/** Options for {@link migrationStatus}. */
export interface StatusOptions {
  /** Migrations directory or file. */
  path: string;
  connectionString: string;
  trackingTable?: TrackingTable;
}

export type MigrationState = 'applied' | 'pending' | 'changed' | 'partial' | 'missing-file';

export interface MigrationStatusRow {
  version: string;
  fileName: string;
  state: MigrationState;
  appliedAt?: string;
  durationMs?: number;
  /** For `partial`: how far an interrupted transaction:false migration got. */
  statementsDone?: number;
  statementsTotal?: number;
  /** sha-256 of the file now, and when applied (they differ for `changed`). */
  fileChecksum?: string;
  appliedChecksum?: string;
}

export interface StatusResult {
  target: string;
  trackingTable: string;
  /** False until the first `migrate` created it. */
  trackingTableExists: boolean;
  migrations: MigrationStatusRow[];
  counts: Record<MigrationState, number>;
}

/**
 * Applied, pending, changed (file edited after it was applied), partial (an interrupted transaction:false
 * migration) and missing-file migrations. Read-only: creates nothing, takes no lock.
 *
 * @example
 * ```ts
 * const { counts } = await migrationStatus({ path: 'migrations', connectionString: url });
 * if (counts.pending > 0) console.log(`${counts.pending} pending`);
 * ```
 */
export async function migrationStatus(options: StatusOptions): Promise<StatusResult> {
  const tracking = options.trackingTable ?? DEFAULT_TRACKING_TABLE;
  const loaded = await loadMigrations(options.path);
  const client = await connect({ connectionString: options.connectionString, applicationName: 'sb status' });
  let applied;
  try {
    applied = await readApplied(client, tracking);
  } finally {
    await client.end();
  }
  const rows = new Map(applied.rows.map((r) => [r.version, r]));
  const migrations: MigrationStatusRow[] = loaded.migrations.map((m) => {
    const row = rows.get(m.version);
    rows.delete(m.version);
    if (!row) return { version: m.version, fileName: m.fileName, state: 'pending', fileChecksum: m.checksum };
    const state: MigrationState = row.checksum !== m.checksum ? 'changed' : row.complete ? 'applied' : 'partial';
    return {
      version: m.version,
      fileName: m.fileName,
      state,
      appliedAt: row.appliedAt,
      durationMs: row.durationMs,
      statementsDone: row.statementsDone,
      statementsTotal: row.statementsTotal,
      fileChecksum: m.checksum,
      appliedChecksum: row.checksum,
    };
  });
  if (loaded.directory) {
    for (const row of rows.values()) {
      migrations.push({ version: row.version, fileName: row.name, state: 'missing-file', appliedAt: row.appliedAt, appliedChecksum: row.checksum });
    }
    migrations.sort((a, b) => a.version.localeCompare(b.version));
  }
  const counts: Record<MigrationState, number> = { applied: 0, pending: 0, changed: 0, partial: 0, 'missing-file': 0 };
  for (const m of migrations) counts[m.state]++;
  return { target: describeTarget(options.connectionString), trackingTable: trackingName(tracking), trackingTableExists: applied.exists, migrations, counts };
}
