import { mannWhitney } from '../stats/mann-whitney.js';
import { wilcoxonSignedRank } from '../stats/wilcoxon.js';

/** Which number is compared. Latencies in µs; higher is worse. Throughput in req/s; lower is worse. */
export type MetricName = 'p50' | 'p90' | 'p99' | 'requestsPerSec';

/** One metric of two runs side by side, with a significance test on their samples. */
export interface MetricComparison {
  metric: MetricName;
  /** The reference value (first URL, or the baseline). */
  before: number;
  /** The value under test (second URL, or this run). */
  after: number;
  /** Relative change (after − before) / before: +0.18 = 18% higher. */
  change: number;
  /** p-value: Wilcoxon signed-rank on paired slices (comparisons), Mann–Whitney on per-second samples (baselines). */
  p: number;
  test: 'wilcoxon-signed-rank' | 'mann-whitney';
  /** p < 0.05. */
  significant: boolean;
  /** True when this change is for the worse. */
  worse: boolean;
  samples: { before: number; after: number };
}

/** Significance level used throughout. */
export const ALPHA = 0.05;

/**
 * Compares one metric; `before`/`after` are the whole-run values, the sample arrays feed the test: paired
 * (slice i of each ran back to back) or independent samples.
 */
export function compareMetric(metric: MetricName, before: number, after: number, beforeSamples: number[], afterSamples: number[], paired = false): MetricComparison {
  const { p } = paired ? wilcoxonSignedRank(beforeSamples, afterSamples) : mannWhitney(beforeSamples, afterSamples);
  const change = before > 0 ? (after - before) / before : after > 0 ? Number.POSITIVE_INFINITY : 0;
  const higherIsWorse = metric !== 'requestsPerSec';
  return {
    metric,
    before,
    after,
    change: Math.round(change * 10_000) / 10_000,
    p: Math.round(p * 10_000) / 10_000,
    test: paired ? 'wilcoxon-signed-rank' : 'mann-whitney',
    significant: p < ALPHA,
    worse: higherIsWorse ? after > before : after < before,
    samples: { before: beforeSamples.length, after: afterSamples.length },
  };
}

const LABEL: Record<MetricName, string> = { p50: 'p50', p90: 'p90', p99: 'p99', requestsPerSec: 'throughput' };

/** "18.0% slower at p99 (significant, p=0.003)" or "p90: no significant difference (+3.1%, p=0.41)". */
export function describeMetric(m: MetricComparison): string {
  const pct = `${Math.abs(m.change * 100).toFixed(1)}%`;
  if (!m.significant) {
    const signed = `${m.change >= 0 ? '+' : '-'}${pct}`;
    return `${LABEL[m.metric]}: no significant difference (${signed}, p=${m.p})`;
  }
  const what =
    m.metric === 'requestsPerSec' ? (m.change >= 0 ? 'more throughput' : 'less throughput') : `${m.change >= 0 ? 'slower' : 'faster'} at ${LABEL[m.metric]}`;
  return `${pct} ${what} (significant, p=${m.p})`;
}
