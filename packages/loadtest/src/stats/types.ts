/** Latency distribution in microseconds, read from an HDR histogram (3 significant digits). */
export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  stdev: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

/** Transport failures by class (a response with any status code is not an error). */
export interface ErrorCounts {
  /** No response (headers or body) within `timeout`, or the connection could not be made in time. */
  timeout: number;
  /** Nothing listening: ECONNREFUSED. */
  refused: number;
  /** The server closed or reset the connection mid-request. */
  reset: number;
  /** The response was not valid HTTP. */
  parse: number;
  /** Anything else (message in `errorSamples`). */
  /** The TLS handshake failed: certificate not trusted (self-signed, unknown CA), wrong name, expired, no client certificate. */
  tls: number;
  other: number;
}

/** Name of an error class. */
export type ErrorClass = keyof ErrorCounts;

/** What the first 429 looked like. */
export interface RateLimitInfo {
  /** True when at least one 429 was seen. */
  limited: boolean;
  /** Completed requests (including this one) when the first 429 arrived. */
  firstAfterRequests?: number;
  /** Ms after the start of measuring when the first 429 arrived. */
  firstAfterMs?: number;
  /** Request rate (req/s) up to the first 429. */
  rateAtFirst?: number;
  /** The `Retry-After` header of the first 429, if any. */
  retryAfter?: string;
  /** `RateLimit-*`, `X-RateLimit-*` and `Retry-After` headers of the first 429 (lower-cased names). */
  headers: Record<string, string>;
  /** Number of 429 responses. */
  count: number;
}

/** One point of the latency-over-time series. */
export interface TimelinePoint {
  /** Seconds since measuring started (end of the sample). */
  t: number;
  /** Requests completed in the sample (responses + errors). */
  requests: number;
  /** Requests that got a response in the sample: the percentiles are over these. */
  responses: number;
  /** Transport errors in the sample. */
  errors: number;
  /** Responses per second in the sample (errors are not throughput). */
  requestsPerSec: number;
  /** Requests in flight at the end of the sample. */
  inFlight: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
