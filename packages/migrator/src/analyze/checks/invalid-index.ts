import { listIndexes } from '../../workload/catalog.js';
import { quoteQualified } from '../quote.js';
import type { Check, Finding } from '../types.js';

/** Indexes left INVALID (a failed or interrupted `CREATE INDEX CONCURRENTLY`): maintained on writes, never used. */
export const invalidIndex: Check = {
  id: 'invalid-index',
  async run({ db }) {
    const findings: Finding[] = [];
    for (const index of await listIndexes(db)) {
      if (index.valid) continue;
      findings.push({
        check: 'invalid-index',
        severity: 'high',
        object: `${index.schema}.${index.name}`,
        title: `${index.name} on ${index.schema}.${index.table} is INVALID: writes maintain it, the planner never uses it`,
        evidence: { table: `${index.schema}.${index.table}`, sizeBytes: index.sizeBytes, definition: index.definition },
        fix: {
          sql: `reindex index concurrently ${quoteQualified(index.schema, index.name)};`,
          migratable: true,
          note: 'if it fails again (e.g. duplicates for a UNIQUE index), fix the data or drop the index',
        },
      });
    }
    return findings;
  },
};
