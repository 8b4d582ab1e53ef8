import type { AnalyzeThresholds, Finding } from '../types.js';
import { batchedSelect } from './batched.js';
import type { RepeatedLookup } from './types.js';

/** An N+1 finding: only for a lookup with a parent. The fix is the batched child SELECT. */
export function nPlusOneFinding(l: RepeatedLookup, thresholds: AnalyzeThresholds): Finding {
  const parent = l.parent!;
  const key = `${l.lookup.table.name}.${l.lookup.column}`;
  const how = l.relation ? ` (${l.relation.kind}, ${l.relation.via})` : '';
  const batched = batchedSelect(l.child, l.lookup);
  return {
    check: 'n-plus-one',
    severity: l.calls >= 10 * thresholds.nPlusOneMinCalls ? 'high' : 'medium',
    object: l.queryid ? `queryid ${l.queryid}` : key,
    title: `N+1: "${oneLine(l.child.query)}" ran ${l.calls} times, once per row of "${oneLine(parent.statement.query)}"${how}`,
    evidence: {
      source: l.source,
      query: l.child.query,
      calls: l.calls,
      rows: l.rows ?? null,
      rowsPerCall: l.rows === undefined ? null : Math.round((100 * l.rows) / Math.max(l.calls, 1)) / 100,
      totalMs: l.totalMs ?? null,
      lookup: key,
      parentQuery: parent.statement.query,
      parentCalls: parent.calls,
      parentRows: parent.rows ?? null,
      relation: l.relation ? `${l.relation.kind}: ${l.relation.via} (${l.relation.evidence})` : null,
      ...(l.log ? { runs: l.log.runs, sessions: l.log.sessions, runsInOneTransaction: l.log.inTransaction, longestRun: l.log.longestRun, runLengthEqualsParentRows: l.log.rowsMatched ?? null, firstRun: l.log.example } : {}),
      ...(l.source === 'pg_stat_statements' ? { parentRowsPerChildCall: ratio(parent.rows, l.calls) } : {}),
    },
    fix: {
      sql: batched ?? `-- read ${key} for all parent rows at once: where ${l.lookup.column} = any($1), or join ${l.lookup.table.name} into the parent query`,
      migratable: false,
      note: `one query for all the parent's rows (${parent.statement.tables[0]?.name ?? 'parent'}) instead of one per row: pass the collected keys as one array (= any($1)) and group the rows by ${l.lookup.column}, join ${l.lookup.table.name} into the parent query, or use the ORM's eager loading`,
    },
  };
}

/** A frequent point lookup with no parent found: information, never an N+1. */
export function hotPointQueryFinding(l: RepeatedLookup): Finding {
  const perCall = l.rows === undefined ? undefined : l.rows / Math.max(l.calls, 1);
  return {
    check: 'hot-point-query',
    severity: 'info',
    object: l.queryid ? `queryid ${l.queryid}` : `${l.lookup.table.name}.${l.lookup.column}`,
    title: `hot point query: "${oneLine(l.child.query)}" ran ${l.calls} times${perCall === undefined ? '' : ` at ${perCall.toFixed(2)} rows per call`}; no parent query drives it, so it is not an N+1`,
    evidence: {
      source: l.source,
      query: l.child.query,
      calls: l.calls,
      rows: l.rows ?? null,
      totalMs: l.totalMs ?? null,
      lookup: `${l.lookup.table.name}.${l.lookup.column}`,
    },
  };
}

function ratio(rows: number | undefined, calls: number): number | null {
  return rows === undefined ? null : Math.round((100 * rows) / calls) / 100;
}

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
