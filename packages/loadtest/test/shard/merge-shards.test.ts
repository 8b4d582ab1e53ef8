import { describe, expect, it } from 'vitest';
import { createHistogram, decodeHistogram, encodeHistogram, recordUs, summarize } from '../../src/stats/histogram.js';
import { resolveOptions } from '../../src/options/validate.js';
import { mergeShards } from '../../src/shard/merge-shards.js';
import { parseShards, SHARD_FORMAT, type Shard } from '../../src/shard/shard-file.js';
import type { RunData } from '../../src/runner/run-data.js';

/** A deterministic pseudo-random stream (xorshift), so a failure reproduces. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const settings = resolveOptions({ url: 'http://127.0.0.1:1/', concurrency: 40, duration: 10 });

function shardOf(index: number, count: number, values: number[]): Shard {
  const h = createHistogram();
  for (const v of values) recordUs(h, v);
  const data: RunData = {
    startedAt: new Date(0).toISOString(),
    durationMs: 10_000,
    issueMs: 10_000,
    completed: values.length,
    responses: values.length,
    sent: values.length,
    bytes: values.length * 2,
    errorCount: 0,
    errors: { timeout: 0, refused: 0, reset: 0, parse: 0, tls: 0, other: 0 },
    errorSamples: {},
    statusCodes: { '200': values.length },
    rateLimit: { limited: false, headers: {}, count: 0 },
    timeline: [],
    histogram: encodeHistogram(h),
    maxInFlight: 5,
    connections: 5,
    cpuUserMs: 100,
    cpuSystemMs: 50,
    peakRssBytes: 1e6,
    loopDelay: { p50: 10, p99: 20, max: 30 },
    aborted: false,
  };
  return { format: SHARD_FORMAT, version: 1, segment: { index, count }, settings, startedLateMs: 0, host: `pod-${index}`, data };
}

describe('mergeShards', () => {
  it('gives the percentiles of one histogram holding every recorded value', () => {
    const next = random(42);
    const all = createHistogram();
    const shards: Shard[] = [];
    for (let index = 1; index <= 8; index++) {
      // Each shard sees a different distribution (a slow pod, a fast pod): merging must not average percentiles.
      const scale = 500 * index;
      const values = Array.from({ length: 5000 + index * 777 }, () => scale * -Math.log(1 - next()) + 100);
      for (const v of values) recordUs(all, v);
      shards.push(shardOf(index, 8, values));
    }
    const merged = mergeShards(shards);
    // A single run's result is also read back from its encoded histogram (max is then the bucket's top value).
    expect(merged.latency).toEqual(summarize(decodeHistogram(encodeHistogram(all))));
    expect(merged.requests).toBe(all.totalCount);
    expect(merged.shards.map((s) => s.segment)).toEqual(['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']);
    // The merged p99 is not the mean of the shards' p99s (what a per-pod summary would offer).
    const meanP99 = merged.shards.reduce((s, x) => s + x.latency.p99, 0) / 8;
    expect(Math.abs(meanP99 - merged.latency.p99)).toBeGreaterThan(100);
    expect(merged.missingSegments).toEqual([]);
  });

  it('refuses shards of different settings, naming the field', () => {
    const a = shardOf(1, 2, [1000]);
    const b = { ...shardOf(2, 2, [1000]), settings: { ...settings, concurrency: 41 } };
    expect(() => mergeShards([a, b])).toThrow('shard 2/2 ran different settings than shard 1/2 (concurrency)');
  });

  it('refuses a segment given twice and shards of a test split differently', () => {
    expect(() => mergeShards([shardOf(1, 2, [1]), shardOf(1, 2, [2])])).toThrow('segment 1/2 appears twice');
    expect(() => mergeShards([shardOf(1, 2, [1]), shardOf(2, 3, [2])])).toThrow('belongs to a test split in 3, not 2');
  });

  it('merges a partial set with a warning naming the missing segments', () => {
    const merged = mergeShards([shardOf(1, 3, [1000]), shardOf(3, 3, [2000])]);
    expect(merged.missingSegments).toEqual([2]);
    expect(merged.warnings).toContain('missing segments 2/3: this is 2/3 of the test');
  });

  it('evaluates expectations on the merged result', () => {
    const a = shardOf(1, 2, [1000]);
    const b = shardOf(2, 2, [1000]);
    b.data.statusCodes = { '500': 1 };
    const merged = mergeShards([a, b], { expectStatus: [200] });
    expect(merged.passed).toBe(false);
    expect(merged.checks.find((c) => c.name === 'expect-status')?.message).toBe('1 of 2 requests did not get status 200: 500 ×1');
  });

  it('reads shards from JSON Lines mixed with log lines (kubectl logs), and names a bad line', () => {
    const text = ['sb load: starting', JSON.stringify(shardOf(1, 2, [5])), 'done', JSON.stringify(shardOf(2, 2, [6]))].join('\n');
    expect(parseShards(text, 'logs.txt').map((s) => s.segment.index)).toEqual([1, 2]);
    expect(() => parseShards('{"format":"x"}\n{"a":1}', 'logs.txt')).toThrow('logs.txt:1: not an sb load shard');
    expect(() => parseShards('nothing here', 'x.json')).toThrow('x.json: no shard found');
  });
});
