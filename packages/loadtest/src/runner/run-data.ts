import type { ConnectData } from '../stats/connect-stats.js';
import type { ErrorClass, ErrorCounts, RateLimitInfo, TimelinePoint } from '../stats/types.js';

/**
 * The raw outcome of one in-process run (or of one worker): plain, serialisable data. `buildResult` turns it
 * into a `LoadTestResult`; `mergeRunData` adds up the parts of a multi-worker run.
 */
export interface RunData {
  startedAt: string;
  /** Measure start to the end of the drain, ms. */
  durationMs: number;
  /** Measure start to the moment sending stopped, ms. */
  issueMs: number;
  completed: number;
  responses: number;
  sent: number;
  bytes: number;
  errorCount: number;
  errors: ErrorCounts;
  errorSamples: Partial<Record<ErrorClass, string>>;
  statusCodes: Record<string, number>;
  rateLimit: RateLimitInfo;
  timeline: TimelinePoint[];
  /** HDR histogram, compressed base64, µs. */
  histogram: string;
  maxInFlight: number;
  connections: number;
  open?: { scheduled: number; sentOnTime: number; lag: string; sendDelay: string; maxQueued: number };
  /** How late this thread's event loop ran (µs beyond a 10 ms timer): the generator's own lateness. */
  loopDelay: { p50: number; p99: number; max: number };
  cpuUserMs: number;
  cpuSystemMs: number;
  peakRssBytes: number;
  aborted: boolean;
  /** Connection set-up (TCP, TLS, protocol); absent in shards written before it existed. */
  connect?: ConnectData;
}
