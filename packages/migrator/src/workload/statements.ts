import type { Queryable } from '../connection/queryable.js';

/** How to turn pg_stat_statements on, printed when it is missing. */
export const ENABLE_PG_STAT_STATEMENTS =
  "add shared_preload_libraries = 'pg_stat_statements' to postgresql.conf (and pg_stat_statements.track = all), restart PostgreSQL, then run CREATE EXTENSION pg_stat_statements; in this database";

/** Whether pg_stat_statements can be read here, and if not, why. */
export async function statementsAvailable(db: Queryable): Promise<{ available: boolean; reason?: string }> {
  const { rows } = await db.query<{ installed: boolean; loaded: string }>(
    `select exists (select 1 from pg_extension where extname = 'pg_stat_statements') as installed,
            current_setting('shared_preload_libraries') as loaded`,
  );
  const installed = rows[0]?.installed === true;
  const loaded = (rows[0]?.loaded ?? '').split(',').map((s) => s.trim()).includes('pg_stat_statements');
  if (installed && loaded) return { available: true };
  const missing = !loaded ? 'pg_stat_statements is not in shared_preload_libraries' : 'the pg_stat_statements extension is not created in this database';
  return { available: false, reason: `${missing}: ${ENABLE_PG_STAT_STATEMENTS}` };
}

/** One normalised statement from pg_stat_statements. */
export interface StatementStats {
  queryid: string;
  query: string;
  calls: number;
  rows: number;
  totalMs: number;
  meanMs: number;
}

/**
 * Application statements of the current database, by total time: utility statements (BEGIN, SET…) and
 * catalog/monitoring queries (including sb's own) are left out.
 */
export async function readStatements(db: Queryable, limit = 500): Promise<StatementStats[]> {
  const { rows } = await db.query<{ queryid: string; query: string; calls: string; rows: string; total: number; mean: number }>(`
    select s.queryid::text as queryid, s.query, s.calls::text as calls, s.rows::text as rows,
      s.total_exec_time as total, s.mean_exec_time as mean
    from pg_stat_statements s
    join pg_database d on d.oid = s.dbid
    where d.datname = current_database() and s.toplevel
      and s.query ~* '^\\s*(with|select|update|delete|insert|table|values)\\M'
      and s.query !~* '(pg_catalog|pg_stat|information_schema|hypopg|sb_schema_migrations|pg_locks|pg_class|pg_namespace|pg_index|pg_attribute|pg_constraint|pg_sequences|pg_database|pg_extension|pg_settings|pg_replication|pg_is_in_recovery|pg_backend_pid|pg_stat_force_next_flush|pg_advisory|to_regclass|sb_suggest_)'
    order by s.total_exec_time desc
    limit $1`, [limit]);
  return rows.map((r) => ({
    queryid: r.queryid,
    query: r.query,
    calls: Number(r.calls),
    rows: Number(r.rows),
    totalMs: Math.round(r.total * 100) / 100,
    meanMs: Math.round(r.mean * 1000) / 1000,
  }));
}

/**
 * Keeps sb's own catalog queries out of pg_stat_statements for this session (superusers only;
 * silently ignored otherwise — the filter in {@link readStatements} still applies).
 */
export async function untrackSession(db: Queryable): Promise<void> {
  await db.query(`set pg_stat_statements.track = 'none'`).catch(() => undefined);
}
