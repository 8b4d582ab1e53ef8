import type { Histogram } from 'hdr-histogram-js';
import { createHistogram, recordUs } from './histogram.js';
import type { ErrorClass, ErrorCounts, RateLimitInfo, TimelinePoint } from './types.js';

const RATE_LIMIT_HEADER = /^(x-)?ratelimit|^retry-after$/i;

/**
 * Counts everything one run measures. The hot path (`record`) touches two histograms and a few integers;
 * memory is constant (the timeline grows by one small point per sample interval).
 */
export class Recorder {
  readonly histogram: Histogram = createHistogram();
  readonly #interval: Histogram = createHistogram();
  readonly #statuses = new Uint32Array(600);
  errors: ErrorCounts = { timeout: 0, refused: 0, reset: 0, parse: 0, tls: 0, other: 0 };
  errorSamples: Partial<Record<ErrorClass, string>> = {};
  completed = 0;
  responses = 0;
  bytes = 0;
  errorCount = 0;
  rateLimit: RateLimitInfo = { limited: false, headers: {}, count: 0 };
  timeline: TimelinePoint[] = [];
  #intervalCompleted = 0;
  #intervalErrors = 0;
  #measureStart = 0;
  #lastSampleAt = 0;

  /** Records one response: latency in µs, status code and body bytes. */
  record(latencyUs: number, status: number, bytes: number): void {
    recordUs(this.histogram, latencyUs);
    recordUs(this.#interval, latencyUs);
    this.completed++;
    this.#intervalCompleted++;
    this.responses++;
    this.bytes += bytes;
    if (status > 0 && status < 600) this.#statuses[status]!++;
  }

  /** Records one transport error. */
  recordError(kind: ErrorClass, message: string): void {
    this.completed++;
    this.#intervalCompleted++;
    this.#intervalErrors++;
    this.errorCount++;
    this.errors[kind]++;
    this.errorSamples[kind] ??= message;
  }

  /** Notes a 429; the first one's rate-limit headers are kept. */
  recordRateLimited(rawHeaders: Buffer[] | string[] | null, now: number): void {
    this.rateLimit.count++;
    if (this.rateLimit.limited) return;
    const headers: Record<string, string> = {};
    const raw = rawHeaders ?? [];
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i]!.toString().toLowerCase();
      if (RATE_LIMIT_HEADER.test(name)) headers[name] = raw[i + 1]!.toString();
    }
    const elapsed = Math.max(0, now - this.#measureStart);
    this.rateLimit = {
      limited: true,
      firstAfterRequests: this.completed + 1,
      firstAfterMs: Math.round(elapsed),
      ...(elapsed > 0 ? { rateAtFirst: Math.round(((this.completed + 1) * 1000) / elapsed) } : {}),
      ...(headers['retry-after'] === undefined ? {} : { retryAfter: headers['retry-after'] }),
      headers,
      count: this.rateLimit.count,
    };
  }

  /** Forgets everything recorded so far (end of warmup) and starts the clock. */
  reset(now: number): void {
    this.histogram.reset();
    this.#interval.reset();
    this.#statuses.fill(0);
    this.errors = { timeout: 0, refused: 0, reset: 0, parse: 0, tls: 0, other: 0 };
    this.errorSamples = {};
    this.completed = this.responses = this.bytes = this.errorCount = 0;
    this.#intervalCompleted = this.#intervalErrors = 0;
    this.rateLimit = { limited: false, headers: {}, count: 0 };
    this.timeline = [];
    this.#measureStart = this.#lastSampleAt = now;
  }

  /**
   * Closes the current timeline sample (`inFlight`: requests in flight now). A final sample shorter than `minMs` is dropped (unless it would be the
   * only one): a few ms of drain make a noisy point. Totals are not affected.
   */
  sample(now: number, inFlight: number, minMs = 0): void {
    const seconds = (now - this.#lastSampleAt) / 1000;
    if (seconds <= 0 || (seconds * 1000 < minMs && this.timeline.length > 0)) return;
    const h = this.#interval;
    this.timeline.push({
      t: Math.round((now - this.#measureStart) / 10) / 100,
      requests: this.#intervalCompleted,
      responses: this.#intervalCompleted - this.#intervalErrors,
      errors: this.#intervalErrors,
      requestsPerSec: Math.round((this.#intervalCompleted - this.#intervalErrors) / seconds),
      inFlight,
      p50: h.totalCount ? h.getValueAtPercentile(50) : 0,
      p90: h.totalCount ? h.getValueAtPercentile(90) : 0,
      p99: h.totalCount ? h.getValueAtPercentile(99) : 0,
      max: h.totalCount ? h.maxValue : 0,
    });
    h.reset();
    this.#intervalCompleted = this.#intervalErrors = 0;
    this.#lastSampleAt = now;
  }

  /** Status codes seen, as `{ "200": n }`. */
  statusCodes(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let code = 0; code < this.#statuses.length; code++) {
      if (this.#statuses[code]! > 0) out[String(code)] = this.#statuses[code]!;
    }
    return out;
  }
}
