import type { Check, Finding } from '../types.js';

/**
 * Large tables read mostly by sequential scans (pghero's "missing indexes", but also when no index was
 * ever used). The fix is an index for the filtering queries: `sb db suggest-indexes` finds and verifies it.
 */
export const seqScanHeavy: Check = {
  id: 'seq-scan-heavy',
  async run({ db, thresholds }) {
    const { rows } = await db.query<{ schema: string; table: string; seq_scan: string; seq_tup_read: string; idx_scan: string; live: string }>(`
      select schemaname as schema, relname as table, seq_scan::text, seq_tup_read::text,
        coalesce(idx_scan, 0)::text as idx_scan, n_live_tup::text as live
      from pg_stat_user_tables
      where n_live_tup >= $1 and seq_scan > 0
        and coalesce(idx_scan, 0)::float8 / (seq_scan + coalesce(idx_scan, 0)) < $2
      order by seq_tup_read desc, 1, 2`, [thresholds.seqScanMinRows, thresholds.seqScanMaxIndexShare]);
    return rows.map((r): Finding => {
      const seq = Number(r.seq_scan);
      const idx = Number(r.idx_scan);
      const read = Number(r.seq_tup_read);
      return {
        check: 'seq-scan-heavy',
        severity: read >= 10_000_000 ? 'high' : 'medium',
        object: `${r.schema}.${r.table}`,
        title: `${r.schema}.${r.table} (${Number(r.live)} rows) is read by sequential scans ${Math.round((100 * seq) / (seq + idx))}% of the time`,
        evidence: {
          liveRows: Number(r.live),
          seqScans: seq,
          rowsReadBySeqScans: read,
          indexScans: idx,
          indexScanShare: Math.round((1000 * idx) / (seq + idx)) / 1000,
        },
        fix: {
          sql: `-- sb db suggest-indexes --connection <url> --output migrations/   (finds and verifies the index for the queries filtering ${r.schema}.${r.table})`,
          migratable: false,
        },
      };
    });
  },
};
