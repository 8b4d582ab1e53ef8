import { quoteLiteral, quoteQualified } from '../sql/quote.js';
import type { Queryable } from '../connection/queryable.js';

/** Where applied migrations are recorded. Default `public.sb_schema_migrations`. */
export interface TrackingTable {
  schema: string;
  table: string;
}

export const DEFAULT_TRACKING_TABLE: TrackingTable = { schema: 'public', table: 'sb_schema_migrations' };

/** One row of the tracking table. */
export interface AppliedMigration {
  version: string;
  name: string;
  /** sha-256 (hex) of the file when it was applied. */
  checksum: string;
  appliedAt: string;
  durationMs: number;
  /** Statements done: equals `statementsTotal` when complete; less for an interrupted transaction:false migration. */
  statementsDone: number;
  statementsTotal: number;
  complete: boolean;
}

export function trackingName(t: TrackingTable): string {
  return quoteQualified(t.schema, t.table);
}

/** Creates the schema and table if missing. Call while holding the advisory lock. */
export async function ensureTrackingTable(db: Queryable, t: TrackingTable): Promise<void> {
  await db.query(`create schema if not exists ${quoteQualified(undefined, t.schema)}`);
  await db.query(`create table if not exists ${trackingName(t)} (
  version text primary key,
  name text not null,
  checksum text not null,
  applied_at timestamptz not null default now(),
  duration_ms integer not null default 0,
  statements_done integer not null default 0,
  statements_total integer not null default 0,
  complete boolean not null default false
)`);
}

/** Reads the tracking table; an absent table means nothing was applied yet. */
export async function readApplied(db: Queryable, t: TrackingTable): Promise<{ exists: boolean; rows: AppliedMigration[] }> {
  const { rows: found } = await db.query<{ oid: string | null }>(`select to_regclass(${quoteLiteral(trackingName(t))})::text as oid`);
  if (!found[0]?.oid) return { exists: false, rows: [] };
  const { rows } = await db.query<{
    version: string; name: string; checksum: string; applied_at: Date; duration_ms: number;
    statements_done: number; statements_total: number; complete: boolean;
  }>(`select * from ${trackingName(t)} order by version`);
  return {
    exists: true,
    rows: rows.map((r) => ({
      version: r.version,
      name: r.name,
      checksum: r.checksum,
      appliedAt: new Date(r.applied_at).toISOString(),
      durationMs: r.duration_ms,
      statementsDone: r.statements_done,
      statementsTotal: r.statements_total,
      complete: r.complete,
    })),
  };
}

export async function recordApplied(db: Queryable, t: TrackingTable, row: Omit<AppliedMigration, 'appliedAt'>): Promise<void> {
  await db.query(
    `insert into ${trackingName(t)} (version, name, checksum, applied_at, duration_ms, statements_done, statements_total, complete)
     values ($1, $2, $3, now(), $4, $5, $6, $7)
     on conflict (version) do update set name = excluded.name, checksum = excluded.checksum, applied_at = now(),
       duration_ms = excluded.duration_ms, statements_done = excluded.statements_done,
       statements_total = excluded.statements_total, complete = excluded.complete`,
    [row.version, row.name, row.checksum, Math.round(row.durationMs), row.statementsDone, row.statementsTotal, row.complete],
  );
}

export async function recordProgress(db: Queryable, t: TrackingTable, version: string, done: number, durationMs: number): Promise<void> {
  await db.query(`update ${trackingName(t)} set statements_done = $2, duration_ms = $3 where version = $1`, [version, done, Math.round(durationMs)]);
}

export async function forgetApplied(db: Queryable, t: TrackingTable, version: string): Promise<void> {
  await db.query(`delete from ${trackingName(t)} where version = $1`, [version]);
}
