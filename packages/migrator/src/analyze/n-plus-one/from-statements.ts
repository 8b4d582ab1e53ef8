import type { ForeignKeyRef } from '../../workload/catalog.js';
import type { ParsedStatement } from '../../workload/parse-statement.js';
import type { StatementStats } from '../../workload/statements.js';
import { pointLookupOf, reads, relationsFor } from './relations.js';
import type { RepeatedLookup } from './types.js';

/** How far a parent's total rows may be from the child's calls (either way) and still drive them. */
const MAX_RATIO = 2;

/**
 * Frequent point-lookup SELECTs from pg_stat_statements and, for each, the parent that drives it: a SELECT
 * returning several rows per call whose total rows match the child's calls (within a factor of 2), called
 * at most half as often, that reads the table the child's lookup column is related to (a foreign key from
 * or to that column, or the `<table>_id` convention). UPDATE, DELETE and INSERT are never children.
 */
export function lookupsFromStatements(
  statements: StatementStats[],
  parsed: Map<string, ParsedStatement>,
  fks: ForeignKeyRef[],
  tables: Set<string>,
  minCalls: number,
): RepeatedLookup[] {
  const out: RepeatedLookup[] = [];
  for (const child of statements) {
    const stmt = parsed.get(child.queryid);
    const lookup = stmt && pointLookupOf(stmt);
    if (!stmt || !lookup || child.calls < minCalls) continue;
    const found: RepeatedLookup = { source: 'pg_stat_statements', queryid: child.queryid, child: stmt, lookup, calls: child.calls, rows: child.rows, totalMs: child.totalMs };
    let best: { score: number; s: StatementStats; p: ParsedStatement; r: ReturnType<typeof relationsFor>[number] } | undefined;
    for (const relation of relationsFor(lookup, fks, tables)) {
      for (const s of statements) {
        const p = parsed.get(s.queryid);
        if (!p || p.kind !== 'select' || s.queryid === child.queryid || s.calls * 2 > child.calls || s.rows < 2 * s.calls) continue;
        const ratio = s.rows / child.calls;
        if (ratio < 1 / MAX_RATIO || ratio > MAX_RATIO || !reads(p, relation.parentTable)) continue;
        const score = Math.abs(Math.log(ratio)) + (relation.evidence === 'foreign key' ? 0 : 1);
        if (!best || score < best.score) best = { score, s, p, r: relation };
      }
    }
    if (best) {
      found.parent = { statement: best.p, calls: best.s.calls, rows: best.s.rows };
      found.relation = best.r;
    }
    out.push(found);
  }
  return out;
}
