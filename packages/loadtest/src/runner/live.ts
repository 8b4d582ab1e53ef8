import type { Progress } from '../options/types.js';

/** A live snapshot of one run (or one worker), the raw numbers behind a `Progress` line. */
export interface LiveSnapshot {
  phase: 'warmup' | 'measure' | 'drain';
  /** Ms since the measured phase started (negative during warmup). */
  elapsedMs: number;
  /** Planned measured length in ms (0 when bounded by `requests`). */
  totalMs: number;
  /** Requests completed in the measured phase so far. */
  requests: number;
  /** Planned requests when bounded by `requests`. */
  totalRequests?: number;
  /** Responses per second over the last interval. */
  requestsPerSec: number;
  /** p50, p90, p99 latency so far, µs. */
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  inFlight: number;
}

/** What `runInProcess` takes: cancellation and raw snapshots (public callers get `Progress`). */
export interface RunContext {
  signal?: AbortSignal;
  onSnapshot?: (snapshot: LiveSnapshot) => void;
}

const ms = (us: number): string => (us >= 1_000_000 ? `${(us / 1e6).toFixed(2)} s` : `${(us / 1000).toFixed(1)} ms`);

/** The public progress line: "load 12.0/30 s · 1,234 req/s · p99 45.1 ms · 0 errors · 50 in flight". */
export function toProgress(s: LiveSnapshot): Progress {
  const byRequests = s.totalRequests !== undefined;
  const done = byRequests ? `${s.requests}/${s.totalRequests} req` : `${(Math.max(0, s.elapsedMs) / 1000).toFixed(1)}/${(s.totalMs / 1000).toFixed(0)} s`;
  const phase = s.phase === 'measure' ? 'load' : s.phase;
  return {
    phase: s.phase,
    message: `${phase} ${done} · ${s.requestsPerSec.toLocaleString('en-US')} req/s · p99 ${ms(s.p99)} · ${s.errors} errors · ${s.inFlight} in flight`,
    done: byRequests ? s.requests : Math.max(0, s.elapsedMs),
    total: byRequests ? (s.totalRequests ?? 0) : s.totalMs,
  };
}

/** Adapts a public `onProgress` to raw snapshots (undefined when nobody listens). */
export function snapshotsTo(onProgress: ((p: Progress) => void) | undefined): ((s: LiveSnapshot) => void) | undefined {
  return onProgress === undefined ? undefined : (s) => onProgress(toProgress(s));
}
