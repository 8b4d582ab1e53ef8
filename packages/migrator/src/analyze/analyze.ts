import { connect } from '../connection/connect.js';
import { describeTarget } from '../connection/target.js';
import { MigratorError } from '../errors.js';
import { writeGeneratedMigration } from './output.js';
import { CHECKS } from './registry.js';
import { statementsAvailable, untrackSession } from '../workload/statements.js';
import { DEFAULT_THRESHOLDS, SEVERITIES, type AnalyzeThresholds, type CheckId, type Finding, type Severity } from './types.js';

/** Options for {@link analyze}. */
export interface AnalyzeOptions {
  connectionString: string;
  /** Override any threshold; the rest keep their defaults. */
  thresholds?: Partial<AnalyzeThresholds>;
  /** Run only these checks (default: all). */
  checks?: CheckId[];
  /** Write the migratable fixes as one migration (up and down) into this directory. */
  output?: string;
  signal?: AbortSignal;
  onProgress?: (event: { check: CheckId; done: number; total: number }) => void;
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
  target: string;
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
 * for (const f of findings) console.log(f.severity, f.title, f.fix?.sql);
 * ```
 */
export async function analyze(options: AnalyzeOptions): Promise<AnalyzeResult> {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const selected = options.checks ? CHECKS.filter((c) => options.checks!.includes(c.id)) : CHECKS;
  for (const id of options.checks ?? []) {
    if (!CHECKS.some((c) => c.id === id)) {
      throw new MigratorError('MIGRATOR_INVALID_OPTION', `checks: unknown check "${id}" (known: ${CHECKS.map((c) => c.id).join(', ')})`);
    }
  }
  const db = await connect({ connectionString: options.connectionString, applicationName: 'sb analyze' });
  const result: AnalyzeResult = {
    target: describeTarget(options.connectionString),
    pgStatStatements: { available: false },
    statsResetAt: null,
    checks: [],
    findings: [],
    counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
  };
  try {
    const stats = await statementsAvailable(db);
    if (stats.available) await untrackSession(db);
    result.pgStatStatements = stats.available ? { available: true } : { available: false, howToEnable: stats.reason! };
    const { rows } = await db.query<{ reset: Date | null }>(`select stats_reset as reset from pg_stat_database where datname = current_database()`);
    result.statsResetAt = rows[0]?.reset ? new Date(rows[0].reset).toISOString() : null;
    for (const [i, check] of selected.entries()) {
      options.signal?.throwIfAborted();
      options.onProgress?.({ check: check.id, done: i, total: selected.length });
      if (check.needsStatements && !stats.available) {
        result.checks.push({ id: check.id, ran: false, skipped: 'pg_stat_statements is not available', findings: 0 });
        continue;
      }
      const found = await check.run({ db, thresholds, statements: stats.available });
      result.checks.push({ id: check.id, ran: true, findings: found.length });
      result.findings.push(...found);
    }
  } finally {
    await db.end();
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

/** True when a finding at or above `threshold` exists (for `--fail-on`). */
export function hasFindingsAtOrAbove(result: AnalyzeResult, threshold: Severity): boolean {
  const limit = SEVERITIES.indexOf(threshold);
  return result.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit);
}
