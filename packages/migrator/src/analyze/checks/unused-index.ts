import { listIndexes } from '../../workload/catalog.js';
import { dropIndexFix } from '../fix-sql.js';
import type { Check, Finding } from '../types.js';

/**
 * Indexes with no scans (`idx_scan` ≤ threshold, default 0) since the statistics were last reset, excluding
 * unique, primary-key and constraint indexes. They cost writes and space for nothing, on this server (check
 * replicas too before dropping).
 */
export const unusedIndex: Check = {
  id: 'unused-index',
  async run({ db, thresholds }) {
    const { rows } = await db.query<{ reset: Date | null }>(`select stats_reset as reset from pg_stat_database where datname = current_database()`);
    const reset = rows[0]?.reset ? new Date(rows[0].reset).toISOString() : null;
    const findings: Finding[] = [];
    for (const index of await listIndexes(db)) {
      if (index.unique || index.primary || index.constraint || !index.valid) continue;
      if (index.scans > thresholds.unusedMaxScans) continue;
      findings.push({
        check: 'unused-index',
        severity: index.sizeBytes >= 10 * 1024 * 1024 ? 'medium' : 'low',
        object: `${index.schema}.${index.name}`,
        title: `${index.name} on ${index.schema}.${index.table} was scanned ${index.scans} time(s) since the statistics reset`,
        evidence: { table: `${index.schema}.${index.table}`, scans: index.scans, sizeBytes: index.sizeBytes, statsResetAt: reset ?? 'never reset' },
        fix: { ...dropIndexFix(index, 'not written by --output: check that replicas do not use it (idx_scan is per server) and that the statistics cover a full business cycle'), migratable: false },
      });
    }
    return findings;
  },
};
