import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Registry } from 'prom-client';
import { LoadtestError } from '../errors.js';
import type { LiveSnapshot } from '../runner/live.js';
import { Deltas, type MetricsLabels, type MetricsSink } from './sink.js';

/**
 * A Prometheus scrape endpoint (`GET /metrics`, text exposition format, via prom-client) that lives as long as the
 * run: requests and errors as counters, throughput, requests in flight and latency quantiles (seconds) as gauges.
 */
export async function startPrometheus(host: string, port: number, labels: MetricsLabels): Promise<MetricsSink> {
  const registry = new Registry();
  registry.setDefaultLabels({ ...labels });
  const requests = new Counter({ name: 'sb_load_requests_total', help: 'Requests completed (response or transport error) in the measured phase.', registers: [registry] });
  const errors = new Counter({ name: 'sb_load_errors_total', help: 'Requests that ended in a transport error.', registers: [registry] });
  const rps = new Gauge({ name: 'sb_load_requests_per_second', help: 'Completions per second over the last progress interval.', registers: [registry] });
  const inFlight = new Gauge({ name: 'sb_load_in_flight', help: 'Requests in flight now.', registers: [registry] });
  const latency = new Gauge({ name: 'sb_load_latency_seconds', help: 'Latency quantiles of the run so far (HDR histogram).', labelNames: ['quantile'], registers: [registry] });
  const phase = new Gauge({ name: 'sb_load_measuring', help: '1 while measuring, 0 during warmup or drain.', registers: [registry] });
  const deltas = new Deltas();

  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end('not found: scrape /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (err: unknown) => res.writeHead(500).end(String(err)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new LoadtestError('LOADTEST_METRICS_OUT', `cannot serve Prometheus metrics on ${host}:${port} (${err.code ?? err.message})`, { cause: err })),
    );
    server.listen(port, host, () => resolve());
  });
  const bound = server.address() as AddressInfo;
  const shownHost = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return {
    address: `http://${shownHost}:${bound.port}/metrics`,
    update(progress: LiveSnapshot): void {
      const d = deltas.next(progress);
      requests.inc(d.requests);
      errors.inc(d.errors);
      rps.set(progress.requestsPerSec);
      inFlight.set(progress.inFlight);
      phase.set(progress.phase === 'measure' ? 1 : 0);
      latency.set({ quantile: '0.5' }, progress.p50 / 1e6);
      latency.set({ quantile: '0.9' }, progress.p90 / 1e6);
      latency.set({ quantile: '0.99' }, progress.p99 / 1e6);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
