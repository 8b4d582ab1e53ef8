import { listIndexes, type IndexInfo } from '../../workload/catalog.js';
import { dropIndexFix } from '../fix-sql.js';
import type { Check, Finding } from '../types.js';

/**
 * Duplicate indexes (same method, same key columns, opclasses, order and collation) and redundant ones
 * (their keys are a leading prefix of another index's keys). A unique or constraint index is never the one
 * dropped unless an identical unique index exists; partial and expression indexes are left alone (as pghero).
 */
export const duplicateIndex: Check = {
  id: 'duplicate-index',
  async run({ db }) {
    const indexes = (await listIndexes(db)).filter((i) => i.valid && !i.partial && !i.expression && i.columns.length > 0);
    const findings: Finding[] = [];
    for (const index of indexes) {
      if (index.constraint) continue;
      const cover = indexes.find((other) => other !== index && covers(other, index));
      if (!cover) continue;
      const exact = cover.signature.length === index.signature.length;
      findings.push({
        check: 'duplicate-index',
        severity: exact ? 'medium' : 'low',
        object: `${index.schema}.${index.name}`,
        title: `${index.name} (${index.columns.join(', ')}) is ${exact ? 'a duplicate of' : 'covered by'} ${cover.name} (${cover.columns.join(', ')})`,
        evidence: {
          kind: exact ? 'duplicate' : 'redundant prefix',
          table: `${index.schema}.${index.table}`,
          coveredBy: cover.name,
          sizeBytes: index.sizeBytes,
          scans: index.scans,
          coveringIndexScans: cover.scans,
        },
        fix: dropIndexFix(index, `queries switch to ${cover.name}; writes get cheaper`),
      });
    }
    return findings;
  },
};

/** True when `cover` makes `index` unnecessary. Ties between identical indexes: keep the one sorting first. */
function covers(cover: IndexInfo, index: IndexInfo): boolean {
  if (cover.schema !== index.schema || cover.table !== index.table || cover.method !== index.method) return false;
  if (index.method !== 'btree' && cover.signature.length !== index.signature.length) return false;
  if (cover.signature.length < index.signature.length) return false;
  const prefix = index.signature.every((s, i) => cover.signature[i] === s) && index.columns.every((c, i) => cover.columns[i] === c);
  if (!prefix) return false;
  if (index.unique && !(cover.unique && cover.signature.length === index.signature.length)) return false;
  if (cover.signature.length === index.signature.length && rank(cover) === rank(index)) return cover.name < index.name;
  return rank(cover) >= rank(index);
}

function rank(i: IndexInfo): number {
  return i.constraint ? 2 : i.unique ? 1 : 0;
}
