import { startMetricsOut, checkTargets, type MetricsOut } from './metrics-out/start.js';
import { parseMetricsTarget } from './metrics-out/targets.js';
import type { LoadTestContext, LoadTestOptions, ResolvedOptions } from './options/types.js';
import { resolveOptions } from './options/validate.js';
import { buildResult } from './result/build-result.js';
import type { LoadTestResult } from './result/types.js';
import { type LiveSnapshot, type RunContext, snapshotsTo } from './runner/live.js';
import type { RunData } from './runner/run-data.js';
import { runInProcess } from './runner/run-in-process.js';
import { runSegment } from './shard/run-segment.js';
import { segmentSettings, validateSegment } from './shard/segment.js';
import type { Shard } from './shard/shard-file.js';
import { parseStartAt } from './shard/run-segment.js';

/** A run's result, with the mergeable shard when it ran one segment, and where its live metrics went. */
export interface LoadTestRun extends LoadTestResult {
  /** Present when `segment` was set: save it (`JSON.stringify`) and merge the shards with `mergeShards`. */
  shard?: Shard;
  /** Scrape URLs and OTLP endpoints the run fed (`out`). */
  metricsOut?: string[];
}

async function runSettings(settings: ResolvedOptions, ctx: RunContext): Promise<RunData> {
  if (settings.workers > 1) {
    const { runWithWorkers } = await import('./workers/run-with-workers.js');
    return runWithWorkers(settings, ctx);
  }
  return runInProcess(settings, ctx);
}

function finalProgress(result: LoadTestResult): LiveSnapshot {
  return {
    phase: 'drain',
    elapsedMs: result.durationMs,
    totalMs: result.durationMs,
    requests: result.requests,
    requestsPerSec: Math.round(result.throughput.requestsPerSec),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: result.errorCount,
    inFlight: 0,
  };
}

/**
 * Runs one load test against `options.url` and returns what it measured. Never throws for what the server
 * does (refused, reset, timed out: counted by class); throws `LoadtestError` (`LOADTEST_INVALID_OPTION`) for
 * bad options, before any request. Expectations (`expectStatus`, `expectRateLimit`) land in `checks`/`passed`.
 * With `segment` it runs that shard's share only (starting at `startAt`) and returns the mergeable `shard`;
 * with `out` it serves or pushes live metrics while it runs.
 *
 * @example
 * ```ts
 * import { runLoadTest } from '@sb/loadtest';
 *
 * const result = await runLoadTest(
 *   { url: 'http://127.0.0.1:3000/users', rate: 1000, duration: 30 },
 *   { onProgress: (p) => console.error(p.message) },
 * );
 * console.log(result.latency.p99, result.rate?.delivered, result.statusCodes);
 * ```
 */
export async function runLoadTest(options: LoadTestOptions, ctx: LoadTestContext = {}): Promise<LoadTestRun> {
  const settings = resolveOptions(options);
  const onSnapshot = snapshotsTo(ctx.onProgress);
  const run: RunContext = { ...(ctx.signal ? { signal: ctx.signal } : {}), ...(onSnapshot ? { onSnapshot } : {}) };
  const segment = options.segment === undefined ? undefined : validateSegment(options.segment);
  if (segment) segmentSettings(settings, segment);
  const startAt = options.startAt === undefined ? undefined : options.startAt instanceof Date ? options.startAt : parseStartAt(options.startAt);
  const targets = (options.out ?? []).map(parseMetricsTarget);
  checkTargets(targets);
  const labels = { target: settings.url, ...(segment ? { segment: `${segment.index}/${segment.count}` } : {}) };
  const out: MetricsOut | undefined = targets.length > 0 ? await startMetricsOut(targets, labels, run) : undefined;
  let result: LoadTestRun | undefined;
  try {
    if (segment === undefined && startAt === undefined) {
      result = buildResult(settings, await runSettings(settings, out?.ctx ?? run));
    } else {
      const ran = await runSegment(settings, segment ?? { index: 1, count: 1 }, startAt, runSettings, out?.ctx ?? run);
      result = { ...buildResult(ran.settings, ran.data), ...(segment ? { shard: ran.shard } : {}) };
      if (ran.shard.startedLateMs > 1000) result.warnings.push(`started ${(ran.shard.startedLateMs / 1000).toFixed(1)} s after --start-at ${ran.shard.startAt}`);
    }
  } finally {
    const warnings = (await out?.finish(result ? finalProgress(result) : undefined)) ?? [];
    if (result && out) {
      result.metricsOut = out.addresses;
      result.warnings.push(...warnings);
    }
  }
  return result;
}
