import type { Check, Finding } from '../types.js';

/** Table and index cache hit rates below 99% (pghero's threshold), once enough blocks were read to judge. */
export const lowCacheHitRate: Check = {
  id: 'low-cache-hit-rate',
  async run({ db }) {
    const { rows } = await db.query<{ kind: string; hit: string; read: string }>(`
      select 'table' as kind, coalesce(sum(heap_blks_hit), 0)::text as hit, coalesce(sum(heap_blks_read), 0)::text as read from pg_statio_user_tables
      union all
      select 'index', coalesce(sum(idx_blks_hit), 0)::text, coalesce(sum(idx_blks_read), 0)::text from pg_statio_user_indexes`);
    const findings: Finding[] = [];
    for (const r of rows) {
      const hit = Number(r.hit);
      const read = Number(r.read);
      if (hit + read < 10_000) continue;
      const rate = hit / (hit + read);
      if (rate >= 0.99) continue;
      findings.push({
        check: 'low-cache-hit-rate',
        severity: rate < 0.9 ? 'medium' : 'low',
        object: `${r.kind} cache`,
        title: `${r.kind} cache hit rate is ${(rate * 100).toFixed(1)}% (should be above 99%)`,
        evidence: { blocksHit: hit, blocksRead: read, hitRate: Math.round(rate * 10000) / 10000 },
        fix: { sql: '-- raise shared_buffers (and memory) or reduce the working set (indexes for seq-scanned tables)', migratable: false },
      });
    }
    return findings;
  },
};
