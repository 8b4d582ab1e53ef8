import type { Check, Finding } from '../types.js';

/** Statements active for longer than `longRunningSeconds` (default 60 s, as pghero): they hold locks and snapshots. */
export const longRunningQuery: Check = {
  id: 'long-running-query',
  async run({ db, thresholds }) {
    const { rows } = await db.query<{ pid: number; seconds: number; state: string; query: string; app: string }>(`
      select pid, extract(epoch from now() - query_start)::float8 as seconds, state, query, application_name as app
      from pg_stat_activity
      where pid <> pg_backend_pid() and datname = current_database() and state <> 'idle' and backend_type = 'client backend'
        and now() - query_start > make_interval(secs => $1)
      order by 2 desc`, [thresholds.longRunningSeconds]);
    return rows.map((r): Finding => ({
      check: 'long-running-query',
      severity: 'high',
      object: `pid ${r.pid}`,
      title: `pid ${r.pid} (${r.app || 'no application_name'}) has been ${r.state} for ${Math.round(r.seconds)} s`,
      evidence: { pid: r.pid, seconds: Math.round(r.seconds), state: r.state, query: r.query },
      fix: { sql: `select pg_cancel_backend(${Number(r.pid)});`, migratable: false, note: 'cancel only if it is not expected; pg_terminate_backend ends the session' },
    }));
  },
};
