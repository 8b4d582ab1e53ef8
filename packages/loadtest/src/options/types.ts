import type { Progress as SbProgress, RunControl } from '@sb/errors';
import type { ResolvedTls, TlsOptions } from './transport.js';

/**
 * What a caller asks of a load test. Only `url` is required; everything else has a sensible default.
 *
 * Two models:
 * - **closed** (no `rate`): `concurrency` connections each send the next request as soon as the previous one
 *   answered. Latencies are NOT corrected for coordinated omission (a stalled server slows the sender down).
 * - **open** (`rate` set): requests are scheduled at fixed, evenly spaced times; latency is measured from each
 *   request's intended send time, so a stall is charged to every request that should have been sent during it.
 *
 * @example
 * ```ts
 * const options: LoadTestOptions = { url: 'http://127.0.0.1:3000/users', concurrency: 50, duration: 30 };
 * ```
 */
export interface LoadTestOptions {
  /** Absolute http:// or https:// URL. */
  url: string;
  /** HTTP method, default `GET`. */
  method?: string;
  /** Request headers. */
  headers?: Record<string, string>;
  /** Request body. */
  body?: string | Buffer;
  /**
   * Closed model: connections, each with one request in flight (times `pipelining`); default 10.
   * Open model: the cap on connections in flight; default enough for 2 s of latency at `rate` (16..4000),
   * opened only as needed.
   */
  concurrency?: number;
  /** Length of the measured phase in seconds (default 10 unless `requests` is given). */
  duration?: number;
  /** Stop after this many requests instead of after `duration`. */
  requests?: number;
  /** Open model: requests per second, evenly spread. */
  rate?: number;
  /** Per-request timeout in ms (headers and body each), default 10 000. */
  timeout?: number;
  /** Seconds of load before measuring starts (not recorded), default 0. */
  warmup?: number;
  /** Requests pipelined per connection, default 1. */
  pipelining?: number;
  /** Worker threads sharing the load (histograms merged), default 1 (in-process). */
  workers?: number;
  /** Every response must carry one of these status codes. */
  expectStatus?: number[];
  /** At least one 429 must appear; 429s are then expected, not offenders. */
  expectRateLimit?: boolean;
  /**
   * Largest fraction of requests allowed to fail (0.01 = 1%, the default) before the run fails: transport
   * errors, and 5xx responses unless `expectStatus` decides about statuses.
   */
  maxErrorRate?: number;
  /** Width of one timeline sample in ms, default 500 (the samples also feed the baseline significance test). */
  sampleIntervalMs?: number;
  /**
   * HTTP/2: ALPN over TLS (falls back to HTTP/1.1 when the server does not offer h2), prior knowledge (h2c) over
   * http://. `pipelining` is then the number of concurrent streams per connection.
   */
  http2?: boolean;
  /** TLS: skip verification, trust a CA, present a client certificate, set the server name. */
  tls?: TlsOptions;
  /**
   * Run only shard `index` of `count` of this test (k6 execution segments): its share of the rate or of the
   * virtual users. The result then carries `shard`, mergeable with `mergeShards`.
   */
  segment?: Segment;
  /** Start sending at this time (ISO string or Date), so that all shards start together. */
  startAt?: string | Date;
  /** Live metrics during the run: `prometheus=[HOST]:PORT` (scrape endpoint, 127.0.0.1 by default) or `otlp=URL`. */
  out?: string[];
}

/** One shard of a test run on several machines: shard `index` (1-based) of `count`. */
export interface Segment {
  index: number;
  count: number;
}

/** The stages of a load run, in order: `Progress['phase']` of @sb/loadtest. */
export type LoadPhase = 'setup' | 'warmup' | 'measure' | 'drain';

/**
 * What every long-running call of @sb/loadtest reports while it runs (about twice a second): sb's one progress
 * shape (`Progress` of `@sb/errors`) with `phase` narrowed to {@link LoadPhase}. `message` is ready to print, e.g.
 * "load 12.0/30 s · 1,234 req/s · p99 45.1 ms · 0 errors · 50 in flight"; `done`/`total` count requests (or
 * flows) or ms elapsed when the run is bounded.
 */
export type Progress = SbProgress<LoadPhase>;

/**
 * Cancellation and progress for a long-running call: `fn(options, { signal, onProgress })` (`RunControl` of
 * `@sb/errors`). Aborting stops sending, closes connections and resolves with the partial result
 * (`aborted: true`); `onProgress` is called about twice a second while the run is going.
 */
export type LoadTestContext = RunControl<LoadPhase>;

/** How much load runs and for how long: shared by one-URL runs and scenarios. */
export interface LoadModelSettings {
  model: 'closed' | 'open';
  concurrency: number;
  duration?: number;
  requests?: number;
  rate?: number;
  timeout: number;
}

/** Options after validation and defaults: what actually runs, and what a baseline stores. */
export interface ResolvedOptions extends LoadModelSettings {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** Base64 of the body bytes, so the settings serialise to JSON. */
  bodyBase64?: string;
  warmup: number;
  pipelining: number;
  workers: number;
  expectStatus?: number[];
  expectRateLimit: boolean;
  maxErrorRate: number;
  sampleIntervalMs: number;
  /** Present (true) when HTTP/2 was asked for. */
  http2?: boolean;
  /** Present when TLS options were given (file paths, never key material). */
  tls?: ResolvedTls;
}
