import { readStatements } from '../../workload/statements.js';
import type { Check, Finding } from '../types.js';

/**
 * The slowest queries by total time (top N), flagged as slow when they average at least `slowQueryMeanMs`
 * over at least `slowQueryMinCalls` calls (pghero's definition: 20 ms, 100 calls).
 */
export const slowQuery: Check = {
  id: 'slow-query',
  needsStatements: true,
  async run({ db, thresholds }) {
    const statements = await readStatements(db);
    const total = statements.reduce((sum, s) => sum + s.totalMs, 0) || 1;
    return statements.slice(0, thresholds.topQueries).map((s, i): Finding => {
      const slow = s.meanMs >= thresholds.slowQueryMeanMs && s.calls >= thresholds.slowQueryMinCalls;
      return {
        check: 'slow-query',
        severity: slow ? 'medium' : 'info',
        object: `queryid ${s.queryid}`,
        title: `#${i + 1} by total time (${((100 * s.totalMs) / total).toFixed(1)}% of all): ${s.totalMs.toFixed(1)} ms over ${s.calls} calls, ${s.meanMs.toFixed(2)} ms each${slow ? ' (slow)' : ''}`,
        evidence: {
          query: s.query,
          calls: s.calls,
          totalMs: s.totalMs,
          meanMs: s.meanMs,
          rows: s.rows,
          shareOfTotalTime: Math.round((1000 * s.totalMs) / total) / 1000,
        },
        fix: { sql: '-- sb db suggest-indexes --connection <url> --output migrations/   (verifies indexes for these queries with HypoPG)', migratable: false },
      };
    });
  },
};
