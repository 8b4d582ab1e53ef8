import type { ParsedStatement } from '../../workload/parse-statement.js';
import type { PointLookup, Relation } from './relations.js';

/** A SELECT run many times, one value at a time, and what drives it (if anything was found). */
export interface RepeatedLookup {
  source: 'pg_stat_statements' | 'log';
  /** pg_stat_statements' queryid, when the source is pg_stat_statements. */
  queryid?: string;
  child: ParsedStatement;
  lookup: PointLookup;
  calls: number;
  rows?: number;
  totalMs?: number;
  /** The statement whose rows drive the child's calls: without one this is not an N+1. */
  parent?: { statement: ParsedStatement; calls: number; rows?: number };
  relation?: Relation;
  /** Per-session evidence from a server log. */
  log?: {
    /** Runs: a parent execution followed by the child once per value, in one session. */
    runs: number;
    sessions: number;
    /** Runs that sat inside one explicit transaction. */
    inTransaction: number;
    longestRun: number;
    /** Runs whose length equals the rows the parent returned (auto_explain), of those where rows are known. */
    rowsMatched?: string;
    /** file:line of the first run's parent. */
    example: string;
  };
}
