import { listIndexes } from '../../workload/catalog.js';
import { USER_SCHEMA } from '../../workload/catalog.js';
import { createIndexFix } from '../fix-sql.js';
import type { Check, Finding } from '../types.js';

/**
 * Foreign keys whose columns are not the leading columns of any valid index. Without one, every delete or
 * key update on the referenced table scans the referencing table, and joins/lookups by the key seq-scan.
 * (pghero has no such check; pg-index-health does.)
 */
export const fkWithoutIndex: Check = {
  id: 'fk-without-index',
  async run({ db, thresholds }) {
    const { rows } = await db.query<{
      schema: string; table: string; name: string; columns: string[]; ref: string; rows: string; seq_scan: string; ref_writes: string;
    }>(`
      select n.nspname as schema, t.relname as table, c.conname as name,
        array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.ord) as columns,
        c.confrelid::regclass::text as ref, greatest(t.reltuples, 0)::bigint::text as rows,
        coalesce(st.seq_scan, 0)::text as seq_scan,
        coalesce(rt.n_tup_del + rt.n_tup_upd, 0)::text as ref_writes
      from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      join pg_namespace n on n.oid = t.relnamespace
      left join pg_stat_user_tables st on st.relid = c.conrelid
      left join pg_stat_user_tables rt on rt.relid = c.confrelid
      where c.contype = 'f' and ${USER_SCHEMA}
      order by 1, 2, 3`);
    const indexes = await listIndexes(db);
    const findings: Finding[] = [];
    for (const fk of rows) {
      const covered = indexes.some(
        (i) => i.schema === fk.schema && i.table === fk.table && i.valid && !i.partial &&
          i.columns.length >= fk.columns.length &&
          sameSet(i.columns.slice(0, fk.columns.length), fk.columns),
      );
      if (covered) continue;
      const tableRows = Number(fk.rows);
      findings.push({
        check: 'fk-without-index',
        severity: tableRows >= thresholds.seqScanMinRows ? 'high' : 'medium',
        object: `${fk.schema}.${fk.table}`,
        title: `foreign key ${fk.name} (${fk.columns.join(', ')}) → ${fk.ref} has no covering index`,
        evidence: {
          constraint: fk.name,
          columns: fk.columns.join(', '),
          references: fk.ref,
          tableRows,
          seqScans: Number(fk.seq_scan),
          referencedRowsDeletedOrUpdated: Number(fk.ref_writes),
        },
        fix: createIndexFix(fk.schema, fk.table, fk.columns, 'builds online (SHARE UPDATE EXCLUSIVE lock; reads and writes continue)'),
      });
    }
    return findings;
  },
};

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
