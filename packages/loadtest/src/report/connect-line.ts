import type { LoadTestResult } from '../result/types.js';
import { formatUs } from './units.js';

/**
 * The connection set-up line of the text report, apart from request latency: connections by protocol, TCP connect
 * and TLS handshake percentiles, HTTP/2 streams per connection. Empty when no connection was made.
 */
export function connectLine(r: LoadTestResult): string[] {
  const c = r.connect;
  if (c === undefined || c.count === 0) return [];
  const protocols = Object.entries(c.protocols).map(([p, n]) => `${p === 'h2' ? 'HTTP/2' : 'HTTP/1.1'} ×${n}`).join(', ');
  const tls = c.tls ? ` · TLS handshake p50 ${formatUs(c.tls.p50)} · p99 ${formatUs(c.tls.p99)}` : '';
  const streams = c.streamsPerConnection ? ` · ${c.streamsPerConnection} streams per connection (peak ${c.peakStreamsPerConnection ?? 0} in use)` : '';
  return [`connections  ${protocols} · TCP connect p50 ${formatUs(c.tcp.p50)}${tls}${streams} (not in latency)`];
}
