import { quoteQualified } from '../quote.js';
import type { Check, Finding } from '../types.js';

/**
 * Tables close to transaction ID wraparound (PostgreSQL stops accepting writes with fewer than ~1 million
 * left) or about to be force-vacuumed (within 2 million of autovacuum_freeze_max_age), as pghero checks.
 */
export const xidWraparound: Check = {
  id: 'xid-wraparound',
  async run({ db }) {
    const { rows } = await db.query<{ schema: string; table: string; left: string; before_autovacuum: string }>(`
      select n.nspname as schema, c.relname as table,
        (2146483648 - greatest(age(c.relfrozenxid), age(t.relfrozenxid)))::text as left,
        (current_setting('autovacuum_freeze_max_age')::bigint - greatest(age(c.relfrozenxid), age(t.relfrozenxid)))::text as before_autovacuum
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      left join pg_class t on t.oid = c.reltoastrelid
      where c.relkind in ('r', 'm')
        and (2146483648 - greatest(age(c.relfrozenxid), age(t.relfrozenxid)) < 10000000
          or current_setting('autovacuum_freeze_max_age')::bigint - greatest(age(c.relfrozenxid), age(t.relfrozenxid)) < 2000000)
      order by 3`);
    return rows.map((r): Finding => {
      const left = Number(r.left);
      return {
        check: 'xid-wraparound',
        severity: left < 10_000_000 ? 'critical' : 'low',
        object: `${r.schema}.${r.table}`,
        title: left < 10_000_000
          ? `${r.schema}.${r.table}: ${left} transactions left before wraparound shutdown`
          : `${r.schema}.${r.table}: an anti-wraparound autovacuum starts within ${Number(r.before_autovacuum)} transactions`,
        evidence: { transactionsBeforeShutdown: left, transactionsBeforeForcedAutovacuum: Number(r.before_autovacuum) },
        fix: { sql: `vacuum (freeze, verbose) ${quoteQualified(r.schema, r.table)};`, migratable: false, note: 'VACUUM cannot run in a transaction; run it directly' },
      };
    });
  },
};
