import { readFile } from 'node:fs/promises';
import { LoadtestError } from '../errors.js';
import type { LoadTestOptions, ResolvedOptions } from '../options/types.js';
import { decodeHistogram } from '../stats/histogram.js';
import type { LoadTestResult } from '../result/types.js';
import type { LatencySummary } from '../stats/types.js';

/** Marker of a baseline file. */
export const BASELINE_FORMAT = 'sb-loadtest-baseline';

/** What `--save` writes: the settings to re-run, the summary, the serialised histogram and per-second samples. */
export interface Baseline {
  format: typeof BASELINE_FORMAT;
  version: 1;
  savedAt: string;
  settings: ResolvedOptions;
  summary: { requests: number; durationMs: number; requestsPerSec: number; latency: LatencySummary; statusCodes: Record<string, number>; errorCount: number };
  /** HDR histogram of the latencies (µs), compressed base64. */
  histogram: string;
  /** One value per timeline sample: what the significance test compares. */
  samples: { p50: number[]; p90: number[]; p99: number[]; requestsPerSec: number[] };
}

/**
 * Per-sample values of a run, for the significance test. Empty samples are skipped, and so is the first one
 * when there are more than four: it holds the cold start (new connections, JIT) of that process.
 */
export function samplesOf(result: LoadTestResult): Baseline['samples'] {
  const nonEmpty = result.timeline.filter((point) => point.responses > 0);
  const points = nonEmpty.length > 4 ? nonEmpty.slice(1) : nonEmpty;
  return {
    p50: points.map((p) => p.p50),
    p90: points.map((p) => p.p90),
    p99: points.map((p) => p.p99),
    requestsPerSec: points.map((p) => p.requestsPerSec),
  };
}

/** Turns a result into a baseline (serialise it with `JSON.stringify`). */
export function createBaseline(result: LoadTestResult): Baseline {
  return {
    format: BASELINE_FORMAT,
    version: 1,
    savedAt: new Date().toISOString(),
    settings: result.settings,
    summary: {
      requests: result.requests,
      durationMs: result.durationMs,
      requestsPerSec: result.throughput.requestsPerSec,
      latency: result.latency,
      statusCodes: result.statusCodes,
      errorCount: result.errorCount,
    },
    histogram: result.histogram,
    samples: samplesOf(result),
  };
}

function invalid(source: string, why: string, cause?: unknown): never {
  throw new LoadtestError('LOADTEST_BASELINE_INVALID', `${source}: ${why}`, cause === undefined ? undefined : { cause });
}

/** Parses and checks a baseline written by `createBaseline`. `source` names it in errors. */
export function parseBaseline(text: string, source = 'baseline'): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return invalid(source, `not JSON (${(err as Error).message})`, err);
  }
  const b = data as Partial<Baseline> | null;
  if (typeof b !== 'object' || b === null || b.format !== BASELINE_FORMAT) invalid(source, `not an sb load baseline (field "format" must be "${BASELINE_FORMAT}")`);
  if (b.version !== 1) invalid(source, `unsupported baseline version ${JSON.stringify(b.version)} (field "version")`);
  if (typeof b.settings !== 'object' || b.settings === null || typeof b.settings.url !== 'string') invalid(source, 'field "settings" is missing or has no url');
  if (typeof b.histogram !== 'string') invalid(source, 'field "histogram" is missing');
  const s = b.samples;
  if (typeof s !== 'object' || s === null || !Array.isArray(s.p50) || !Array.isArray(s.p99) || !Array.isArray(s.requestsPerSec)) invalid(source, 'field "samples" is missing or malformed');
  try {
    decodeHistogram(b.histogram);
  } catch (err) {
    invalid(source, 'field "histogram" is not an HDR histogram', err);
  }
  return b as Baseline;
}

/** Reads a baseline file; a missing or malformed file is a `LOADTEST_BASELINE_INVALID` error naming it. */
export async function readBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return invalid(path, `cannot read the baseline file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, err);
  }
  return parseBaseline(text, path);
}

/** The options that re-run a baseline's test (optionally against another URL). */
export function baselineOptions(baseline: Baseline, url?: string): LoadTestOptions {
  const s = baseline.settings;
  return {
    url: url ?? s.url,
    method: s.method,
    headers: s.headers,
    ...(s.bodyBase64 === undefined ? {} : { body: Buffer.from(s.bodyBase64, 'base64') }),
    concurrency: s.concurrency,
    ...(s.duration === undefined ? {} : { duration: s.duration }),
    ...(s.requests === undefined ? {} : { requests: s.requests }),
    ...(s.rate === undefined ? {} : { rate: s.rate }),
    timeout: s.timeout,
    warmup: s.warmup,
    pipelining: s.pipelining,
    workers: s.workers,
    ...(s.expectStatus === undefined ? {} : { expectStatus: s.expectStatus }),
    expectRateLimit: s.expectRateLimit,
    ...(s.maxErrorRate === undefined ? {} : { maxErrorRate: s.maxErrorRate }),
    sampleIntervalMs: s.sampleIntervalMs,
  };
}
