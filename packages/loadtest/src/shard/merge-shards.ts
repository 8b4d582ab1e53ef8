import { LoadtestError } from '../errors.js';
import type { ResolvedOptions } from '../options/types.js';
import { buildResult } from '../result/build-result.js';
import { collectWarnings } from '../result/warnings.js';
import { mergeRunData } from '../runner/merge-run-data.js';
import type { LoadTestResult } from '../result/types.js';
import type { LatencySummary } from '../stats/types.js';
import { segmentSettings } from './segment.js';
import type { Shard } from './shard-file.js';

/** One shard's line in a merged report. */
export interface ShardSummary {
  /** `i/N`. */
  segment: string;
  host: string;
  startedAt: string;
  startedLateMs: number;
  requests: number;
  responses: number;
  errorCount: number;
  requestsPerSec: number;
  latency: LatencySummary;
  cpuCores: number;
  saturated: boolean;
}

/** The whole test, merged from its shards: percentiles from the exact sum of the shards' HDR histograms. */
export interface MergedLoadTestResult extends LoadTestResult {
  shards: ShardSummary[];
  /** Segments of the test that no shard covered (the merged result is then partial). */
  missingSegments: number[];
}

/** Expectations evaluated on the merged result (they replace those stored in the shards' settings). */
export interface MergeOptions {
  expectStatus?: number[];
  expectRateLimit?: boolean;
  /** Highest share of failed requests, 0..1. */
  maxErrorRate?: number;
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The settings that must match for shards to belong to one test (expectations may differ: merge re-evaluates them). */
function comparable(settings: ResolvedOptions): string {
  const { expectStatus: _s, expectRateLimit: _r, maxErrorRate: _m, ...rest } = settings;
  return stable(rest);
}

const EXPECTATIONS = new Set(['expectStatus', 'expectRateLimit', 'maxErrorRate']);

function differingFields(a: ResolvedOptions, b: ResolvedOptions): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => !EXPECTATIONS.has(key) && stable(a[key as keyof ResolvedOptions]) !== stable(b[key as keyof ResolvedOptions]));
}

function checkSameTest(shards: Shard[]): void {
  const first = shards[0]!;
  const seen = new Map<number, Shard>();
  for (const shard of shards) {
    const name = `shard ${shard.segment.index}/${shard.segment.count}`;
    if (shard.segment.count !== first.segment.count) {
      throw new LoadtestError('LOADTEST_SHARD_MISMATCH', `${name} belongs to a test split in ${shard.segment.count}, not ${first.segment.count} like shard ${first.segment.index}/${first.segment.count}`);
    }
    if (comparable(shard.settings) !== comparable(first.settings)) {
      const fields = differingFields(first.settings, shard.settings).join(', ');
      throw new LoadtestError('LOADTEST_SHARD_MISMATCH', `${name} ran different settings than shard ${first.segment.index}/${first.segment.count} (${fields}): shards of different tests cannot be merged`);
    }
    if (seen.has(shard.segment.index)) throw new LoadtestError('LOADTEST_SHARD_MISMATCH', `segment ${name.slice(6)} appears twice: each request would be counted twice`);
    seen.set(shard.segment.index, shard);
  }
}

function summarizeShard(shard: Shard): ShardSummary {
  const own = buildResult(segmentSettings(shard.settings, shard.segment).settings, shard.data);
  return {
    segment: `${shard.segment.index}/${shard.segment.count}`,
    host: shard.host,
    startedAt: shard.data.startedAt,
    startedLateMs: shard.startedLateMs,
    requests: own.requests,
    responses: own.responses,
    errorCount: own.errorCount,
    requestsPerSec: own.throughput.requestsPerSec,
    latency: own.latency,
    cpuCores: own.generator.cpuCores,
    saturated: own.generator.saturated,
  };
}

/**
 * Merges the shards of one test (`sb load … --segment i/N --save`) into the whole test's result. Histograms are
 * added exactly (HDR), so merged percentiles are those of one histogram holding every recorded value; counts add
 * up; expectations are evaluated on the merged result. Throws `LOADTEST_SHARD_MISMATCH` for shards of different
 * tests (settings or N differ) or a segment given twice. Missing segments make a partial result with a warning.
 *
 * @example
 * ```ts
 * const merged = mergeShards(await readShards(['shard-1.json', 'shard-2.json']));
 * console.log(merged.latency.p99, merged.shards.map((s) => s.latency.p99));
 * ```
 */
export function mergeShards(shards: readonly Shard[], options: MergeOptions = {}): MergedLoadTestResult {
  if (shards.length === 0) throw new LoadtestError('LOADTEST_INVALID_OPTION', 'no shard to merge');
  const sorted = [...shards].sort((a, b) => a.segment.index - b.segment.index);
  checkSameTest(sorted);
  const first = sorted[0]!;
  const settings: ResolvedOptions = {
    ...first.settings,
    ...(options.expectStatus === undefined ? {} : { expectStatus: options.expectStatus }),
    ...(options.expectRateLimit === undefined ? {} : { expectRateLimit: options.expectRateLimit }),
    ...(options.maxErrorRate === undefined ? {} : { maxErrorRate: options.maxErrorRate }),
  };
  const data = mergeRunData(sorted.map((shard) => shard.data), true);
  const summaries = sorted.map(summarizeShard);
  const base = buildResult(settings, data);
  const present = new Set(sorted.map((shard) => shard.segment.index));
  const missingSegments = Array.from({ length: first.segment.count }, (_, i) => i + 1).filter((i) => !present.has(i));
  const merged: MergedLoadTestResult = {
    ...base,
    startedAt: sorted.map((s) => s.data.startedAt).sort()[0] ?? base.startedAt,
    // Each shard ran on its own machine: the generator is saturated when any one of them was.
    generator: { ...base.generator, saturated: summaries.some((s) => s.saturated) },
    shards: summaries,
    missingSegments,
  };
  merged.warnings = collectWarnings(merged).filter((w) => !w.startsWith('the generator used'));
  for (const s of summaries.filter((x) => x.saturated)) merged.warnings.push(`shard ${s.segment} on ${s.host} used ${s.cpuCores} CPU cores: it may have been the bottleneck`);
  const late = summaries.filter((s) => s.startedLateMs > 1000);
  if (late.length > 0) merged.warnings.push(`shards started late after --start-at: ${late.map((s) => `${s.segment} by ${(s.startedLateMs / 1000).toFixed(1)} s`).join(', ')}`);
  if (missingSegments.length > 0) {
    merged.warnings.push(`missing segments ${missingSegments.map((i) => `${i}/${first.segment.count}`).join(', ')}: this is ${present.size}/${first.segment.count} of the test`);
  }
  return merged;
}
