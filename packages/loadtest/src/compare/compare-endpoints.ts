import type { LoadTestContext, LoadTestOptions } from '../options/types.js';
import { resolveOptions } from '../options/validate.js';
import { buildResult } from '../result/build-result.js';
import { mergeRunData } from '../runner/merge-run-data.js';
import { toProgress } from '../runner/live.js';
import type { RunData } from '../runner/run-data.js';
import { runInProcess } from '../runner/run-in-process.js';
import { decodeHistogram } from '../stats/histogram.js';
import type { LoadTestResult } from '../result/types.js';
import { compareMetric, describeMetric, type MetricComparison } from './metric.js';

/** Unrecorded warmup at the start of every slice, seconds. */
const SLICE_WARMUP_S = 0.1;

/** Options for `compareEndpoints`: the load options minus `url`, plus the two URLs. */
export interface CompareOptions extends Omit<LoadTestOptions, 'url' | 'workers'> {
  urls: [string, string];
  /** Length of one slice in seconds; default duration/20 within 0.25–5 s (about 10 slices per URL). */
  sliceSeconds?: number;
}

/** Two endpoints measured in alternating slices, and how they differ. */
export interface EndpointComparison {
  a: LoadTestResult;
  b: LoadTestResult;
  /** Slices per endpoint. */
  slices: number;
  sliceSeconds: number;
  /** b relative to a, per metric. */
  metrics: MetricComparison[];
  /** One line per metric, e.g. "B (…/v2/users) is 18.0% slower at p99 (significant, p=0.003)". */
  verdict: string[];
  aborted: boolean;
}

function sliceStats(part: RunData): { p50: number; p90: number; p99: number; rps: number } {
  const h = decodeHistogram(part.histogram);
  const empty = h.totalCount === 0;
  return {
    p50: empty ? 0 : h.getValueAtPercentile(50),
    p90: empty ? 0 : h.getValueAtPercentile(90),
    p99: empty ? 0 : h.getValueAtPercentile(99),
    rps: part.durationMs > 0 ? (part.completed * 1000) / part.durationMs : 0,
  };
}

/**
 * Measures two URLs alternately in short slices (A, B, A, B, …) so that machine noise hits both alike, then
 * compares p50/p90/p99 and throughput with a Wilcoxon signed-rank test on the paired per-slice values (slice i
 * of A and of B ran back to back, so drift of the machine cancels out).
 *
 * @example
 * ```ts
 * const cmp = await compareEndpoints({ urls: ['http://127.0.0.1:3000/v1/users', 'http://127.0.0.1:3000/v2/users'], concurrency: 50, duration: 30 });
 * console.log(cmp.verdict.join('\n')); // "…/v2/users: 18.0% slower at p99 (significant, p=0.003)"
 * ```
 */
export async function compareEndpoints(options: CompareOptions, ctx: LoadTestContext = {}): Promise<EndpointComparison> {
  const { urls, sliceSeconds: askedSlice, ...rest } = options;
  const settings = urls.map((url) => resolveOptions({ ...rest, url })) as [ReturnType<typeof resolveOptions>, ReturnType<typeof resolveOptions>];
  const total = settings[0].duration ?? 10;
  const sliceSeconds = askedSlice ?? Math.min(5, Math.max(0.25, total / 20));
  const slices = settings[0].requests === undefined ? Math.max(2, Math.round(total / 2 / sliceSeconds)) : 10;
  const parts: [RunData[], RunData[]] = [[], []];
  let elapsed = 0;
  for (let i = 0; i < slices && !ctx.signal?.aborted; i++) {
    for (const side of [0, 1] as const) {
      const base = settings[side];
      const slice = {
        ...base,
        // Every slice opens its connections anew: a short unrecorded warmup keeps connect time out of the numbers.
        // The first slice also warms the processes up (JIT, pools): up to 1 s, unless --warmup asks for more.
        warmup: i === 0 ? Math.max(base.warmup, Math.min(1, total / 10), SLICE_WARMUP_S) : SLICE_WARMUP_S,
        ...(base.requests === undefined ? { duration: sliceSeconds } : { requests: Math.max(1, Math.round(base.requests / slices)) }),
      };
      const offset = elapsed;
      const part = await runInProcess(slice, {
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        onSnapshot: (p) => ctx.onProgress?.(toProgress({ ...p, elapsedMs: offset + p.elapsedMs, totalMs: total * 1000 })),
      });
      elapsed += part.durationMs;
      parts[side].push(part);
      if (part.aborted) break;
    }
  }
  const [a, b] = [buildResult(settings[0], mergeRunData(parts[0], false)), buildResult(settings[1], mergeRunData(parts[1], false))];
  // The first pair holds the cold start of the process (JIT, pools): left out of the test when there are enough.
  const pairs = Math.min(parts[0].length, parts[1].length);
  const from = pairs > 5 ? 1 : 0;
  const [sa, sb] = [parts[0].slice(from, pairs).map(sliceStats), parts[1].slice(from, pairs).map(sliceStats)];
  const metrics = [
    compareMetric('p50', a.latency.p50, b.latency.p50, sa.map((s) => s.p50), sb.map((s) => s.p50), true),
    compareMetric('p90', a.latency.p90, b.latency.p90, sa.map((s) => s.p90), sb.map((s) => s.p90), true),
    compareMetric('p99', a.latency.p99, b.latency.p99, sa.map((s) => s.p99), sb.map((s) => s.p99), true),
  ];
  if (settings[0].model === 'closed') {
    metrics.push(compareMetric('requestsPerSec', a.throughput.requestsPerSec, b.throughput.requestsPerSec, sa.map((s) => s.rps), sb.map((s) => s.rps), true));
  }
  const verdict = metrics.map((m) => (m.significant ? `B (${b.url}) ${m.metric === 'requestsPerSec' ? 'has' : 'is'} ${describeMetric(m)}` : describeMetric(m)));
  return { a, b, slices: parts[0].length, sliceSeconds, metrics, verdict, aborted: a.aborted || b.aborted };
}
