import type { LoadTestProgress } from '@sb/loadtest';

const ms = (us: number): string => (us >= 1_000_000 ? `${(us / 1e6).toFixed(2)} s` : `${(us / 1000).toFixed(1)} ms`);

/** The live line: "load 12.0/30 s · 1,234 req/s · p99 45.1 ms · 0 errors · 50 in flight". */
export function formatLoadProgress(p: LoadTestProgress): string {
  const done =
    p.totalRequests !== undefined ? `${p.requests}/${p.totalRequests} req` : `${(Math.max(0, p.elapsedMs) / 1000).toFixed(1)}/${(p.totalMs / 1000).toFixed(0)} s`;
  const phase = p.phase === 'measure' ? 'load' : p.phase;
  return `${phase} ${done} · ${p.requestsPerSec.toLocaleString('en-US')} req/s · p99 ${ms(p.p99)} · ${p.errors} errors · ${p.inFlight} in flight`;
}
