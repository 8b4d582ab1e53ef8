import { describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../src/index.js';
import { mergeRunData } from '../../src/runner/merge-run-data.js';
import type { RunData } from '../../src/runner/run-data.js';
import { createHistogram, encodeHistogram } from '../../src/stats/histogram.js';

function part(latenciesUs: number[], overrides: Partial<RunData> = {}): RunData {
  const h = createHistogram();
  for (const v of latenciesUs) h.recordValue(v);
  return {
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1000,
    issueMs: 1000,
    completed: latenciesUs.length,
    responses: latenciesUs.length,
    sent: latenciesUs.length,
    bytes: 10 * latenciesUs.length,
    errorCount: 0,
    errors: { timeout: 0, refused: 0, reset: 0, parse: 0, tls: 0, other: 0 },
    errorSamples: {},
    statusCodes: { '200': latenciesUs.length },
    rateLimit: { limited: false, headers: {}, count: 0 },
    timeline: [{ t: 1, requests: latenciesUs.length, responses: latenciesUs.length, errors: 0, requestsPerSec: latenciesUs.length, inFlight: 1, p50: 0, p90: 0, p99: 0, max: 0 }],
    histogram: encodeHistogram(h),
    maxInFlight: 2,
    connections: 2,
    loopDelay: { p50: 0, p99: 0, max: 0 },
    cpuUserMs: 1,
    cpuSystemMs: 1,
    peakRssBytes: 1,
    aborted: false,
    ...overrides,
  };
}

describe('mergeRunData', () => {
  it('adds parallel workers: histograms, counts and connections sum, durations do not', () => {
    const merged = mergeRunData([part([1000, 2000]), part([3000], { errors: { timeout: 2, refused: 0, reset: 0, parse: 0, tls: 0, other: 0 }, errorCount: 2 })], true);
    const h = decodeHistogram(merged.histogram);
    expect(h.totalCount).toBe(3);
    expect(h.maxValue).toBeGreaterThanOrEqual(2999);
    expect(merged.statusCodes).toEqual({ '200': 3 });
    expect(merged.errors.timeout).toBe(2);
    expect(merged.durationMs).toBe(1000);
    expect(merged.connections).toBe(4);
    expect(merged.timeline).toHaveLength(1);
    expect(merged.timeline[0]?.requests).toBe(3);
    expect(merged.timeline[0]?.inFlight).toBe(2);
  });

  it('chains sequential slices: durations add, timelines follow each other, the first 429 keeps its place', () => {
    const limited = { limited: true, firstAfterRequests: 1, firstAfterMs: 100, headers: { 'retry-after': '5' }, count: 1 };
    const merged = mergeRunData([part([1000, 1000]), part([1000], { rateLimit: limited })], false);
    expect(merged.durationMs).toBe(2000);
    expect(merged.timeline.map((p) => p.t)).toEqual([1, 2]);
    expect(merged.rateLimit).toMatchObject({ limited: true, firstAfterRequests: 3, firstAfterMs: 1100, count: 1 });
  });
});
