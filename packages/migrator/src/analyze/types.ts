import type { Queryable } from '../connection/queryable.js';
import type { RepeatedLookup } from './n-plus-one/types.js';

/** How bad a finding is. `--fail-on` compares against this order. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Every check `analyze` runs (see docs/database-optimization.md for what each looks at). */
export type CheckId =
  | 'fk-without-index'
  | 'duplicate-index'
  | 'unused-index'
  | 'invalid-index'
  | 'missing-primary-key'
  | 'seq-scan-heavy'
  | 'sequence-exhaustion'
  | 'n-plus-one'
  | 'hot-point-query'
  | 'slow-query'
  | 'xid-wraparound'
  | 'invalid-constraint'
  | 'long-running-query'
  | 'blocked-query'
  | 'low-cache-hit-rate'
  | 'connections'
  | 'replication';

/** The fix for a finding, as SQL. */
export interface Fix {
  /** What to run. */
  sql: string;
  /** How to undo it (written as the migration's down section). */
  down?: string;
  /** True when the fix is safe to write into a migration (`--output`): online index work, VALIDATE CONSTRAINT. */
  migratable: boolean;
  /** Caveats: locks taken, table rewrites, what to check first. */
  note?: string;
}

/** One thing `analyze` found, with the numbers that show it and the fix. */
export interface Finding {
  check: CheckId;
  severity: Severity;
  /** The object concerned: `public.orders`, `public.orders_user_id_idx`, a queryid. */
  object: string;
  /** One line saying what is wrong. */
  title: string;
  /** The numbers from the catalog/statistics that show it. */
  evidence: Record<string, number | string | boolean | null>;
  fix?: Fix;
}

/** Thresholds; every one has a default. */
export interface AnalyzeThresholds {
  /** Tables smaller than this (live rows) are not reported for seq scans. Default 10 000 (pghero's). */
  seqScanMinRows: number;
  /** Report a table when indexes serve fewer than this share of its scans. Default 0.95 (pghero's). */
  seqScanMaxIndexShare: number;
  /** An index with at most this many scans since the stats reset is unused. Default 0. */
  unusedMaxScans: number;
  /** Report sequences/integer keys that used this share of their range. Default 0.5. */
  sequenceUsedShare: number;
  /** N+1 and hot point queries: a point-lookup SELECT called at least this many times. Default 100. */
  nPlusOneMinCalls: number;
  /** Hot point query: returning at most this many rows per call on average. Default 1.5. */
  nPlusOneMaxRowsPerCall: number;
  /** N+1 from a log: the child runs at least this many times after one parent execution in one session. Default 5. */
  nPlusOneMinRun: number;
  /** Slow: mean time at least this (ms) and at least `slowQueryMinCalls` calls. Default 20 ms, 100 (pghero's). */
  slowQueryMeanMs: number;
  slowQueryMinCalls: number;
  /** How many of the top queries by total time to report. Default 5. */
  topQueries: number;
  /** Long-running: active for at least this many seconds. Default 60 (pghero's). */
  longRunningSeconds: number;
}

export const DEFAULT_THRESHOLDS: AnalyzeThresholds = {
  seqScanMinRows: 10_000,
  seqScanMaxIndexShare: 0.95,
  unusedMaxScans: 0,
  sequenceUsedShare: 0.5,
  nPlusOneMinCalls: 100,
  nPlusOneMaxRowsPerCall: 1.5,
  nPlusOneMinRun: 5,
  slowQueryMeanMs: 20,
  slowQueryMinCalls: 100,
  topQueries: 5,
  longRunningSeconds: 60,
};

/** What every check gets. */
export interface CheckContext {
  db: Queryable;
  thresholds: AnalyzeThresholds;
  /** True when `pg_stat_statements` can be read in this database. */
  statements: boolean;
  /** The repeated point lookups of the workload (pg_stat_statements or the `log`), computed once per run. */
  lookups: () => Promise<RepeatedLookup[]>;
}

/** One check: an id, what it needs, and a function returning findings. */
export interface Check {
  id: CheckId;
  /** Checks that need `pg_stat_statements` are skipped (and said so) without it. */
  needsStatements?: boolean;
  /** Workload checks read pg_stat_statements or a server log (`log`), and run on a log alone. */
  workload?: boolean;
  run(ctx: CheckContext): Promise<Finding[]>;
}
