import type { Check, Finding } from '../types.js';

/** Sessions waiting on another session's lock right now (pghero's blocked queries), with the blockers. */
export const blockedQuery: Check = {
  id: 'blocked-query',
  async run({ db }) {
    const { rows } = await db.query<{ pid: number; blockers: number[]; seconds: number; query: string }>(`
      select pid, pg_blocking_pids(pid) as blockers, coalesce(extract(epoch from now() - query_start), 0)::float8 as seconds, query
      from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and cardinality(pg_blocking_pids(pid)) > 0
      order by 3 desc`);
    return rows.map((r): Finding => ({
      check: 'blocked-query',
      severity: r.seconds >= 10 ? 'high' : 'medium',
      object: `pid ${r.pid}`,
      title: `pid ${r.pid} has waited ${Math.round(r.seconds)} s for a lock held by pid ${r.blockers.join(', ')}`,
      evidence: { pid: r.pid, blockedBy: r.blockers.join(', '), seconds: Math.round(r.seconds), query: r.query },
      fix: {
        sql: `select pid, state, query from pg_stat_activity where pid in (${r.blockers.map(Number).join(', ')});`,
        migratable: false,
        note: 'find what the blocker is doing; migrations should set lock_timeout so they queue behind nothing for long',
      },
    }));
  },
};
