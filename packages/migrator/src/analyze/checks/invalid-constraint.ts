import { USER_SCHEMA } from '../../workload/catalog.js';
import { quoteIdent, quoteQualified } from '../quote.js';
import type { Check, Finding } from '../types.js';

/** Constraints added NOT VALID and never validated: existing rows are unchecked (pghero's invalid constraints). */
export const invalidConstraint: Check = {
  id: 'invalid-constraint',
  async run({ db }) {
    const { rows } = await db.query<{ schema: string; table: string; name: string; type: string; definition: string }>(`
      select n.nspname as schema, t.relname as table, c.conname as name, c.contype::text as type, pg_get_constraintdef(c.oid) as definition
      from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
      where not c.convalidated and ${USER_SCHEMA}
      order by 1, 2, 3`);
    return rows.map((r): Finding => ({
      check: 'invalid-constraint',
      severity: 'medium',
      object: `${r.schema}.${r.table}.${r.name}`,
      title: `constraint ${r.name} on ${r.schema}.${r.table} is NOT VALID: existing rows were never checked`,
      evidence: { definition: r.definition, kind: r.type === 'f' ? 'foreign key' : 'check' },
      fix: {
        sql: `alter table ${quoteQualified(r.schema, r.table)} validate constraint ${quoteIdent(r.name)};`,
        migratable: true,
        note: 'takes SHARE UPDATE EXCLUSIVE (reads and writes continue); fails if existing rows violate it',
      },
    }));
  },
};
