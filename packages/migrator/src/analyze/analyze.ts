import { connect } from '../connection/connect.js';
import type { Queryable } from '../connection/queryable.js';
import { describeTarget } from '../connection/target.js';
import { MigratorError } from '../errors.js';
import type { RunControl } from '@sb/errors';
import { checkAborted } from '../abort.js';
import { readServerLog, type ServerLog } from '../workload/server-log/read-server-log.js';
import { findRepeatedLookups } from './n-plus-one/find-lookups.js';
import type { RepeatedLookup } from './n-plus-one/types.js';
import { writeGeneratedMigration } from './output.js';
import { CHECKS } from './registry.js';
import { statementsAvailable, untrackSession } from '../workload/statements.js';
import { DEFAULT_THRESHOLDS, SEVERITIES, type AnalyzeThresholds, type Check, type CheckId, type Finding, type Severity } from './types.js';

/** Options for {@link analyze}. */
export interface AnalyzeOptions {
  /** The database to analyse. Optional with `log`: then only the workload checks (N+1, hot point queries) run. */
  connectionString?: string;
  /**
   * A PostgreSQL csvlog or jsonlog file (written with `log_statement = 'all'` or `log_min_duration_statement = 0`,
   * optionally `auto_explain`): N+1 is then found per session, from the order of the statements.
   */
  log?: string;
  /** Override any threshold; the rest keep their defaults. */
  thresholds?: Partial<AnalyzeThresholds>;
  /** Run only these checks (default: all). */
  checks?: CheckId[];
  /** Write the migratable fixes as one migration (up and down) into this directory. */
  output?: string;
}

/** What one check did. */
export interface CheckRun {
  id: CheckId;
  ran: boolean;
  /** Why it did not run (pg_stat_statements missing…). */
  skipped?: string;
  findings: number;
}

/** What {@link analyze} found. Findings are data: exit codes are the caller's business. */
export interface AnalyzeResult {
  /** The database (password redacted), or `log <file>` when only a log was analysed. */
  target: string;
  /** The server log read with `log`. */
  log?: { file: string; format: 'csvlog' | 'jsonlog'; records: number; statements: number; sessions: number };
  pgStatStatements: { available: boolean; howToEnable?: string };
  statsResetAt: string | null;
  checks: CheckRun[];
  findings: Finding[];
  counts: Record<Severity, number>;
  /** The migration written with `output`, if any fix was migratable. */
  migration?: string;
}

/**
 * Analyses a live database: missing FK indexes, duplicate/redundant/unused/invalid indexes, tables without
 * a primary key, seq-scan-heavy tables, sequence exhaustion, N+1 queries and the slowest queries
 * (pg_stat_statements), wraparound, NOT VALID constraints, long-running queries, cache hit rate,
 * connections and replication slots. Each finding has a severity, evidence and the fix as SQL.
 *
 * @example
 * ```ts
 * const { findings } = await analyze({ connectionString: process.env.DATABASE_URL! });
 * const fromLog = await analyze({ log: 'postgresql.json', checks: ['n-plus-one'] }, { onProgress: (p) => console.error(p.message) });
 * for (const f of findings) console.log(f.severity, f.title, f.fix?.sql);
 * ```
 */
export async function analyze(options: AnalyzeOptions, control: RunControl = {}): Promise<AnalyzeResult> {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  for (const id of options.checks ?? []) {
    if (!CHECKS.some((c) => c.id === id)) {
      throw new MigratorError('MIGRATOR_INVALID_OPTION', `checks: unknown check "${id}" (known: ${CHECKS.map((c) => c.id).join(', ')})`);
    }
  }
  if (!options.connectionString && !options.log) throw new MigratorError('MIGRATOR_INVALID_OPTION', 'give a connection string, a server log (log), or both');
  const selected = options.checks ? CHECKS.filter((c) => options.checks!.includes(c.id)) : CHECKS;
  let log: ServerLog | undefined;
  if (options.log) {
    control.onProgress?.({ phase: 'log', message: `reading ${options.log}` });
    log = await readServerLog(options.log);
  }
  const result: AnalyzeResult = {
    target: options.connectionString ? describeTarget(options.connectionString) : `log ${options.log}`,
    pgStatStatements: { available: false },
    statsResetAt: null,
    checks: [],
    findings: [],
    counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
  };
  if (log) {
    result.log = { file: log.file, format: log.format, records: log.records, statements: log.statements.length, sessions: new Set(log.statements.map((s) => s.session)).size };
  }
  const db = options.connectionString ? await connect({ connectionString: options.connectionString, applicationName: 'sb analyze' }) : undefined;
  try {
    const stats = db ? await statementsAvailable(db) : { available: false, reason: 'no database connection' };
    if (db && stats.available) await untrackSession(db);
    result.pgStatStatements = stats.available ? { available: true } : { available: false, howToEnable: stats.reason! };
    if (db) result.statsResetAt = await statsReset(db);
    let lookups: Promise<RepeatedLookup[]> | undefined;
    const sources = { statements: stats.available, thresholds, ...(db ? { db } : {}), ...(log ? { log } : {}) };
    const ctxLookups = () => (lookups ??= findRepeatedLookups(sources));
    for (const [i, check] of selected.entries()) {
      checkAborted(control.signal, 'analyze');
      control.onProgress?.({ phase: 'check', message: `check ${i + 1}/${selected.length}: ${check.id}`, done: i, total: selected.length });
      const skipped = skipReason(check, db, stats.available, Boolean(log));
      if (skipped) {
        result.checks.push({ id: check.id, ran: false, skipped, findings: 0 });
        continue;
      }
      const found = await check.run({ db: db!, thresholds, statements: stats.available, lookups: ctxLookups });
      result.checks.push({ id: check.id, ran: true, findings: found.length });
      result.findings.push(...found);
    }
  } finally {
    await db?.end();
  }
  result.findings.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  for (const f of result.findings) result.counts[f.severity]++;
  if (options.output) {
    const seen = new Set<string>();
    const fixes = result.findings.filter((f) => f.fix?.migratable && !seen.has(f.fix.sql) && Boolean(seen.add(f.fix.sql)));
    if (fixes.length > 0) {
      result.migration = await writeGeneratedMigration(options.output, {
        description: 'sb analyze fixes',
        up: fixes.map((f) => f.fix!.sql),
        down: fixes.map((f) => f.fix!.down).filter((d): d is string => Boolean(d)).reverse(),
        transaction: false,
        header: ['Written by `sb db analyze`: one fix per finding.', ...fixes.map((f) => `${f.severity}: ${f.title}`)],
      });
    }
  }
  return result;
}

/** Why a check cannot run with what was given, or undefined when it can. */
function skipReason(check: Check, db: Queryable | undefined, statements: boolean, log: boolean): string | undefined {
  if (check.workload && log) return undefined;
  if (!db) return 'no database connection (only the workload checks run on a log alone)';
  if (check.needsStatements && !statements) return 'pg_stat_statements is not available';
  return undefined;
}

async function statsReset(db: Queryable): Promise<string | null> {
  const { rows } = await db.query<{ reset: Date | null }>(`select stats_reset as reset from pg_stat_database where datname = current_database()`);
  return rows[0]?.reset ? new Date(rows[0].reset).toISOString() : null;
}

/** True when a finding at or above `threshold` exists (for `--fail-on`). */
export function hasFindingsAtOrAbove(result: AnalyzeResult, threshold: Severity): boolean {
  const limit = SEVERITIES.indexOf(threshold);
  return result.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit);
}
