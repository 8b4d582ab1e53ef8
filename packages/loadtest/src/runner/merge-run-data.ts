import type { Histogram } from 'hdr-histogram-js';
import { createHistogram, decodeHistogram, encodeHistogram } from '../stats/histogram.js';
import type { ErrorCounts, RateLimitInfo, TimelinePoint } from '../stats/types.js';
import type { RunData } from './run-data.js';

function addHistograms(encoded: string[]): string {
  const total: Histogram = createHistogram();
  for (const part of encoded) total.add(decodeHistogram(part));
  return encodeHistogram(total);
}

function addCounts<T extends object>(parts: T[]): T {
  const out: Record<string, number> = {};
  for (const part of parts) for (const [key, value] of Object.entries(part) as [string, number][]) out[key] = (out[key] ?? 0) + value;
  return out as T;
}

function firstRateLimit(parts: RunData[], parallel: boolean): RateLimitInfo {
  const count = parts.reduce((sum, part) => sum + part.rateLimit.count, 0);
  let offsetRequests = 0;
  let offsetMs = 0;
  let first: RateLimitInfo | undefined;
  for (const part of parts) {
    const rl = part.rateLimit;
    if (rl.limited && (first === undefined || (parallel && (rl.firstAfterMs ?? 0) < (first.firstAfterMs ?? 0)))) {
      // In parallel, every worker sent about as many requests by then as this one did.
      const factor = parallel ? parts.length : 1;
      first = {
        ...rl,
        firstAfterRequests: (rl.firstAfterRequests ?? 0) * factor + offsetRequests,
        firstAfterMs: (rl.firstAfterMs ?? 0) + offsetMs,
        ...(rl.rateAtFirst === undefined ? {} : { rateAtFirst: rl.rateAtFirst * factor }),
      };
      if (!parallel) break;
    }
    if (!parallel) {
      offsetRequests += part.completed;
      offsetMs += part.durationMs;
    }
  }
  return first ? { ...first, count } : { limited: false, headers: {}, count };
}

function mergeTimelines(parts: RunData[], parallel: boolean): TimelinePoint[] {
  if (!parallel) {
    let offset = 0;
    const out: TimelinePoint[] = [];
    for (const part of parts) {
      for (const point of part.timeline) out.push({ ...point, t: Math.round((point.t + offset / 1000) * 100) / 100 });
      offset += part.durationMs;
    }
    return out;
  }
  const length = Math.max(0, ...parts.map((part) => part.timeline.length));
  const out: TimelinePoint[] = [];
  for (let i = 0; i < length; i++) {
    const points = parts.map((part) => part.timeline[i]).filter((p): p is TimelinePoint => p !== undefined);
    // Percentiles of a merged interval are not known exactly: take the worst worker's (conservative).
    out.push({
      t: Math.max(...points.map((p) => p.t)),
      requests: points.reduce((s, p) => s + p.requests, 0),
      responses: points.reduce((s, p) => s + p.responses, 0),
      errors: points.reduce((s, p) => s + p.errors, 0),
      requestsPerSec: points.reduce((s, p) => s + p.requestsPerSec, 0),
      inFlight: points.reduce((s, p) => s + p.inFlight, 0),
      p50: Math.max(...points.map((p) => p.p50)),
      p90: Math.max(...points.map((p) => p.p90)),
      p99: Math.max(...points.map((p) => p.p99)),
      max: Math.max(...points.map((p) => p.max)),
    });
  }
  return out;
}

function mergeConnect(parts: RunData[]): Pick<RunData, 'connect'> {
  const all = parts.map((part) => part.connect).filter((c) => c !== undefined);
  if (all.length === 0) return {};
  return {
    connect: {
      count: all.reduce((s, c) => s + c.count, 0),
      failed: all.reduce((s, c) => s + c.failed, 0),
      tcp: addHistograms(all.map((c) => c.tcp)),
      tls: addHistograms(all.map((c) => c.tls)),
      protocols: addCounts(all.map((c) => c.protocols)),
    },
  };
}

/**
 * Adds up runs: `parallel` for worker threads that ran at the same time, otherwise consecutive slices of one
 * endpoint (durations add up, timelines follow each other).
 */
export function mergeRunData(parts: RunData[], parallel: boolean): RunData {
  const first = parts[0];
  if (first === undefined) throw new RangeError('mergeRunData needs at least one part');
  const sum = (pick: (part: RunData) => number): number => parts.reduce((total, part) => total + pick(part), 0);
  const max = (pick: (part: RunData) => number): number => Math.max(...parts.map(pick));
  const opens = parts.map((part) => part.open).filter((open) => open !== undefined);
  const errorSamples = Object.assign({}, ...parts.map((part) => part.errorSamples).reverse()) as RunData['errorSamples'];
  return {
    startedAt: first.startedAt,
    durationMs: parallel ? max((p) => p.durationMs) : sum((p) => p.durationMs),
    issueMs: parallel ? max((p) => p.issueMs) : sum((p) => p.issueMs),
    completed: sum((p) => p.completed),
    responses: sum((p) => p.responses),
    sent: sum((p) => p.sent),
    bytes: sum((p) => p.bytes),
    errorCount: sum((p) => p.errorCount),
    errors: addCounts<ErrorCounts>(parts.map((p) => p.errors)),
    errorSamples,
    statusCodes: addCounts(parts.map((p) => p.statusCodes)),
    rateLimit: firstRateLimit(parts, parallel),
    timeline: mergeTimelines(parts, parallel),
    histogram: addHistograms(parts.map((p) => p.histogram)),
    maxInFlight: parallel ? sum((p) => p.maxInFlight) : max((p) => p.maxInFlight),
    connections: parallel ? sum((p) => p.connections) : max((p) => p.connections),
    ...(opens.length === parts.length
      ? {
          open: {
            scheduled: opens.reduce((s, o) => s + o.scheduled, 0),
            sentOnTime: opens.reduce((s, o) => s + o.sentOnTime, 0),
            lag: addHistograms(opens.map((o) => o.lag)),
            sendDelay: addHistograms(opens.map((o) => o.sendDelay)),
            maxQueued: parallel ? opens.reduce((s, o) => s + o.maxQueued, 0) : Math.max(...opens.map((o) => o.maxQueued)),
          },
        }
      : {}),
    loopDelay: { p50: max((p) => p.loopDelay.p50), p99: max((p) => p.loopDelay.p99), max: max((p) => p.loopDelay.max) },
    cpuUserMs: sum((p) => p.cpuUserMs),
    cpuSystemMs: sum((p) => p.cpuSystemMs),
    peakRssBytes: max((p) => p.peakRssBytes),
    aborted: parts.some((p) => p.aborted),
    ...mergeConnect(parts),
  };
}
