import { compareMetric, describeMetric, type MetricComparison } from '../compare/metric.js';
import type { CheckResult, LoadTestResult } from '../result/types.js';
import { type Baseline, samplesOf } from './baseline.js';

/** How a run compares with its baseline. */
export interface BaselineComparison {
  /** Allowed slowdown before a significant change counts as a regression (0.1 = 10%). */
  tolerance: number;
  metrics: MetricComparison[];
  /** Metrics that got significantly worse by more than the tolerance. */
  regressions: MetricComparison[];
  passed: boolean;
  /** The check as it appears in `result.checks`. */
  check: CheckResult;
}

/**
 * Compares a run with a baseline: a metric regresses when it is worse by more than `tolerance` AND the
 * Mann–Whitney test on per-second samples says the change is significant (p < 0.05). Noise alone never fails.
 *
 * @example
 * ```ts
 * const baseline = await readBaseline('baseline.json');
 * const result = await runLoadTest({ ...baseline.settings, body: undefined, url });
 * const cmp = compareToBaseline(baseline, result, { tolerance: 0.1 });
 * if (!cmp.passed) process.exitCode = 1;
 * ```
 */
export function compareToBaseline(baseline: Baseline, result: LoadTestResult, options: { tolerance?: number } = {}): BaselineComparison {
  const tolerance = options.tolerance ?? 0.1;
  const now = samplesOf(result);
  const then = baseline.samples;
  const metrics = [
    compareMetric('p50', baseline.summary.latency.p50, result.latency.p50, then.p50, now.p50),
    compareMetric('p90', baseline.summary.latency.p90, result.latency.p90, then.p90 ?? [], now.p90),
    compareMetric('p99', baseline.summary.latency.p99, result.latency.p99, then.p99, now.p99),
  ];
  if (result.model === 'closed') {
    metrics.push(compareMetric('requestsPerSec', baseline.summary.requestsPerSec, result.throughput.requestsPerSec, then.requestsPerSec, now.requestsPerSec));
  }
  const regressions = metrics.filter((m) => m.worse && m.significant && Math.abs(m.change) > tolerance);
  const passed = regressions.length === 0;
  const tol = `${(tolerance * 100).toFixed(0)}%`;
  const message = passed
    ? `no significant regression beyond ${tol} vs the baseline of ${baseline.savedAt}`
    : `regression beyond ${tol} vs the baseline of ${baseline.savedAt}: ${regressions.map((m) => `this run: ${describeMetric(m)}`).join('; ')}`;
  return { tolerance, metrics, regressions, passed, check: { name: 'baseline', passed, message } };
}
