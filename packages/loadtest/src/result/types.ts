import type { ResolvedOptions } from '../options/types.js';
import type { ErrorClass, ErrorCounts, LatencySummary, RateLimitInfo, TimelinePoint } from '../stats/types.js';

/** How connections were set up (times in µs). */
export interface ConnectReport {
  /** Connections established. */
  count: number;
  /** Connection attempts that failed. */
  failed: number;
  /** TCP connect time. */
  tcp: LatencySummary;
  /** TLS handshake time (after TCP connect); absent for http://. */
  tls?: LatencySummary;
  /** Connections by negotiated protocol: `h1` (HTTP/1.1) or `h2`. */
  protocols: Record<string, number>;
  /** HTTP/2: concurrent streams allowed per connection (`pipelining`). */
  streamsPerConnection?: number;
  /** HTTP/2: most requests in flight per connection on average at the peak (maxInFlight / connections). */
  peakStreamsPerConnection?: number;
}

/** Open model only: how faithfully the schedule was kept. */
export interface RateReport {
  /** Requests per second asked for. */
  asked: number;
  /** Requests per second actually sent during the measured phase. */
  delivered: number;
  /** delivered / asked. */
  ratio: number;
  /** Requests scheduled but never sent (connection cap or generator behind). */
  unsent: number;
  /** How late the generator's own scheduler picked requests up (µs): the generator's fault, not the server's. */
  generatorLag: LatencySummary;
  /**
   * Intended send time → actual send, µs: the scheduler's lag plus any wait for a free or newly opened
   * connection. Latency includes it (that is the coordinated-omission correction).
   */
  sendDelay: LatencySummary;
  /** Most requests that waited for a free connection at once (the concurrency cap was hit when > 0). */
  maxQueued: number;
  /** True when fewer than 99% of the asked requests were sent. */
  behind: boolean;
}

/** The generator's own resource use: if it was the bottleneck, the numbers describe the generator. */
export interface GeneratorUsage {
  cpuUserMs: number;
  cpuSystemMs: number;
  /** CPU time over wall time (1 = one core fully busy). */
  cpuCores: number;
  peakRssBytes: number;
  /** True when the generator's CPU was near one full core: numbers may be limited by it. */
  saturated: boolean;
  /**
   * How late the generator's event loop ran during the measured phase (µs; worst thread): a response that
   * arrived while the loop was busy was timed late by up to this much. Above 5 ms (p99) and 10% of p50 the
   * result carries a warning that the generator itself was late.
   */
  eventLoopDelay: { p50: number; p99: number; max: number };
  /** True when that warning was given. */
  late: boolean;
}

/** One expectation and how it went. */
export interface CheckResult {
  name: 'setup' | 'responses' | 'max-error-rate' | 'expect-status' | 'expect-rate-limit' | 'baseline';
  passed: boolean;
  message: string;
  /** Offending status codes (or `error:<class>`) with their counts. */
  offenders?: Record<string, number>;
}

/**
 * Everything a run measured. Latencies are in microseconds. Expected outcomes (a failed `expect-*`) are in
 * `checks`/`passed`, never thrown.
 */
export interface LoadTestResult {
  url: string;
  method: string;
  model: 'closed' | 'open';
  /** The settings that ran (store them to re-run the same test). */
  settings: ResolvedOptions;
  startedAt: string;
  /** Wall time of the measured phase incl. the drain of requests in flight, ms. */
  durationMs: number;
  /** Requests completed (with a response or an error) in the measured phase. */
  requests: number;
  /** Requests that got an HTTP response. */
  responses: number;
  /** Requests sent in the measured phase. */
  sent: number;
  /** `requestsPerSec` counts responses only; transport errors are counted apart (`errorsPerSec`, `errors`). */
  throughput: { requestsPerSec: number; errorsPerSec: number; bytesPerSec: number; bytes: number };
  /**
   * Requests that failed (transport errors, plus 5xx responses unless `expectStatus` was given) over requests
   * completed; above `settings.maxErrorRate` the `max-error-rate` check fails.
   */
  errorRate: number;
  /**
   * Latency of requests that got a response, µs (`count` always equals `responses`). Open model: from the
   * intended send time. With no response at all every field is 0 and the reports print no figure.
   */
  latency: LatencySummary;
  /** True in the open model (latency from intended send time). */
  coordinatedOmissionCorrected: boolean;
  statusCodes: Record<string, number>;
  /** Responses outside 2xx/3xx (429s excluded when a rate limit was expected). */
  non2xx: number;
  errors: ErrorCounts;
  errorCount: number;
  /** First message seen per error class. */
  errorSamples: Partial<Record<ErrorClass, string>>;
  rateLimit: RateLimitInfo;
  rate?: RateReport;
  /** Most requests in flight at once. */
  maxInFlight: number;
  /** Connections opened. */
  connections: number;
  /** Connection set-up, apart from request latency: TCP connect, TLS handshake, negotiated protocol. */
  connect?: ConnectReport;
  timeline: TimelinePoint[];
  generator: GeneratorUsage;
  /** The latency histogram, HDR compressed base64 (µs): merge, save, compare. */
  histogram: string;
  checks: CheckResult[];
  /** True when every check passed (and there were none, or the run was not aborted). */
  passed: boolean;
  warnings: string[];
  aborted: boolean;
}
