import type { Check, Finding } from '../types.js';

/** Connections in use against max_connections: above 80% new clients are about to be refused. */
export const connections: Check = {
  id: 'connections',
  async run({ db }) {
    const { rows } = await db.query<{ used: number; max: number; idle_in_tx: number }>(`
      select count(*)::int as used, current_setting('max_connections')::int as max,
        count(*) filter (where state like 'idle in transaction%')::int as idle_in_tx
      from pg_stat_activity where backend_type = 'client backend'`);
    const r = rows[0];
    if (!r) return [];
    const share = r.used / r.max;
    const findings: Finding[] = [];
    if (share >= 0.8) {
      findings.push({
        check: 'connections',
        severity: share >= 0.95 ? 'critical' : 'high',
        object: 'server',
        title: `${r.used} of ${r.max} connections in use (${Math.round(share * 100)}%)`,
        evidence: { connections: r.used, maxConnections: r.max, idleInTransaction: r.idle_in_tx },
        fix: { sql: '-- put a pooler (PgBouncer) in front, or lower the application pool sizes', migratable: false },
      });
    }
    return findings;
  },
};
