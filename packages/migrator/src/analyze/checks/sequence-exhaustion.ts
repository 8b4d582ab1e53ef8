import { USER_SCHEMA } from '../../workload/catalog.js';
import { quoteIdent, quoteQualified } from '../quote.js';
import type { Check, Finding, Severity } from '../types.js';

const TYPE_MAX: Record<string, number> = { smallint: 32767, integer: 2147483647, bigint: 2 ** 63 - 1 };

/**
 * Sequences — and the integer columns they feed — that used a large share of their range, e.g. an int4
 * `serial` key past 1 billion. The limit is the smaller of the sequence's max and the column type's max.
 * Also integer primary keys without a sequence (values assigned by the application), by their max value.
 */
export const sequenceExhaustion: Check = {
  id: 'sequence-exhaustion',
  async run({ db, thresholds }) {
    const { rows } = await db.query<{ seq: string; last: string | null; seqmax: string; schema: string | null; table: string | null; column: string | null; coltype: string | null }>(`
      select s.schemaname || '.' || s.sequencename as seq, s.last_value::text as last, s.max_value::text as seqmax,
        tn.nspname as schema, t.relname as table, a.attname as column, format_type(a.atttypid, null) as coltype
      from pg_sequences s
      join pg_namespace sn on sn.nspname = s.schemaname
      join pg_class sc on sc.relname = s.sequencename and sc.relnamespace = sn.oid
      left join pg_depend d on d.objid = sc.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
      left join pg_class t on t.oid = d.refobjid
      left join pg_namespace tn on tn.oid = t.relnamespace
      left join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
      where s.schemaname not in ('pg_catalog', 'information_schema')`);
    const findings: Finding[] = [];
    for (const r of rows) {
      const limit = Math.min(Number(r.seqmax), TYPE_MAX[r.coltype ?? ''] ?? Number.MAX_VALUE);
      const used = Number(r.last ?? 0) / limit;
      if (used < thresholds.sequenceUsedShare) continue;
      findings.push(finding(r.table ? `${r.schema}.${r.table}.${r.column}` : r.seq, used, Number(r.last), limit, r.coltype ?? 'sequence', {
        sql: [
          `alter sequence ${quoteQualifiedDotted(r.seq)} as bigint maxvalue 9223372036854775807;`,
          ...(r.table && r.coltype !== 'bigint' ? [`alter table ${quoteQualified(r.schema!, r.table)} alter column ${quoteIdent(r.column!)} type bigint;`] : []),
        ].join('\n'),
      }));
    }
    findings.push(...(await keysWithoutSequence(db, thresholds.sequenceUsedShare)));
    return findings;
  },
};

async function keysWithoutSequence(db: Parameters<Check['run']>[0]['db'], share: number): Promise<Finding[]> {
  const { rows } = await db.query<{ schema: string; table: string; column: string; coltype: string }>(`
    select n.nspname as schema, t.relname as table, a.attname as column, format_type(a.atttypid, null) as coltype
    from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
    join pg_attribute a on a.attrelid = t.oid and a.attnum = c.conkey[1]
    where c.contype = 'p' and array_length(c.conkey, 1) = 1 and a.atttypid in ('int2'::regtype, 'int4'::regtype)
      and pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(t.relname), a.attname) is null
      and a.attidentity = '' and ${USER_SCHEMA}`);
  const findings: Finding[] = [];
  for (const r of rows) {
    const { rows: max } = await db.query<{ max: string | null }>(`select max(${quoteIdent(r.column)})::text as max from ${quoteQualified(r.schema, r.table)}`);
    const limit = TYPE_MAX[r.coltype]!;
    const used = Number(max[0]?.max ?? 0) / limit;
    if (used < share) continue;
    findings.push(finding(`${r.schema}.${r.table}.${r.column}`, used, Number(max[0]?.max), limit, r.coltype, {
      sql: `alter table ${quoteQualified(r.schema, r.table)} alter column ${quoteIdent(r.column)} type bigint;`,
    }));
  }
  return findings;
}

function finding(object: string, used: number, last: number, limit: number, type: string, fix: { sql: string }): Finding {
  const severity: Severity = used >= 0.9 ? 'critical' : used >= 0.75 ? 'high' : 'medium';
  return {
    check: 'sequence-exhaustion',
    severity,
    object,
    title: `${object} (${type}) used ${(used * 100).toFixed(1)}% of its range: ${limit - last} values left`,
    evidence: { type, lastValue: last, maxValue: limit, usedShare: Math.round(used * 10000) / 10000, valuesLeft: limit - last },
    fix: {
      ...fix,
      migratable: false,
      note: 'ALTER COLUMN … TYPE bigint rewrites the table under ACCESS EXCLUSIVE (and its indexes): plan a window, or add a bigint column, backfill, and swap',
    },
  };
}

function quoteQualifiedDotted(name: string): string {
  const dot = name.indexOf('.');
  return quoteQualified(name.slice(0, dot), name.slice(dot + 1));
}
