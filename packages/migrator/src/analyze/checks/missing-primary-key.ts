import { USER_SCHEMA } from '../../workload/catalog.js';
import { quoteIdent, quoteQualified, safeName } from '../quote.js';
import type { Check, Finding } from '../types.js';

/**
 * Tables without a primary key: rows cannot be addressed reliably (ORMs, logical replication's
 * REPLICA IDENTITY, deduplication). When a unique index on NOT NULL columns exists, the fix promotes it.
 */
export const missingPrimaryKey: Check = {
  id: 'missing-primary-key',
  async run({ db }) {
    const { rows } = await db.query<{ schema: string; table: string; rows: string; candidate: string | null }>(`
      select n.nspname as schema, t.relname as table, greatest(t.reltuples, 0)::bigint::text as rows,
        (select i.relname from pg_index x join pg_class i on i.oid = x.indexrelid
          where x.indrelid = t.oid and x.indisunique and x.indisvalid and x.indpred is null and x.indexprs is null
            and not exists (select 1 from unnest(x.indkey::int2[]) k(attnum)
                            join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum where not a.attnotnull)
          order by i.relname limit 1) as candidate
      from pg_class t join pg_namespace n on n.oid = t.relnamespace
      where t.relkind in ('r', 'p') and not t.relispartition and ${USER_SCHEMA}
        and not exists (select 1 from pg_constraint c where c.conrelid = t.oid and c.contype = 'p')
      order by 1, 2`);
    return rows.map((r): Finding => ({
      check: 'missing-primary-key',
      severity: 'medium',
      object: `${r.schema}.${r.table}`,
      title: `${r.schema}.${r.table} has no primary key`,
      evidence: { tableRows: Number(r.rows), uniqueNotNullIndex: r.candidate },
      fix: r.candidate
        ? {
            sql: `alter table ${quoteQualified(r.schema, r.table)} add constraint ${quoteIdent(safeName([r.table], 'pkey'))} primary key using index ${quoteIdent(r.candidate)};`,
            migratable: false,
            note: `promotes the existing unique index ${r.candidate} (brief ACCESS EXCLUSIVE lock, no rebuild); the index is renamed`,
          }
        : {
            sql: `alter table ${quoteQualified(r.schema, r.table)} add column id bigint generated always as identity primary key;`,
            migratable: false,
            note: 'rewrites the table under ACCESS EXCLUSIVE: on a large table add the column, backfill in batches, then build a unique index concurrently and promote it',
          },
    }));
  },
};
