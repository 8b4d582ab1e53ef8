import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadtestError, parseMetricsTarget, runLoadTest } from '../../src/index.js';
import { fixedDelayServer, type TestServer } from '../helpers/servers.js';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A tiny OTLP/HTTP receiver: keeps every JSON body posted to /v1/metrics. */
async function otlpReceiver(): Promise<{ url: string; bodies: unknown[]; close(): Promise<void> }> {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      if (req.url === '/v1/metrics' && req.headers['content-type']?.startsWith('application/json')) bodies.push(JSON.parse(text));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface OtlpMetric {
  name: string;
  sum?: { dataPoints: { asInt?: number; asDouble?: number; attributes: { key: string; value: { stringValue?: string } }[] }[] };
  gauge?: { dataPoints: { asInt?: number; asDouble?: number; attributes: { key: string; value: { stringValue?: string } }[] }[] };
}

function metricsIn(bodies: unknown[]): OtlpMetric[] {
  return bodies.flatMap((b) => (b as { resourceMetrics: { scopeMetrics: { metrics: OtlpMetric[] }[] }[] }).resourceMetrics.flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics)));
}

describe('metrics out', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await fixedDelayServer(2);
  });
  afterAll(() => server.close());

  it('parses targets: prometheus binds loopback unless told, otlp gets /v1/metrics', () => {
    expect(parseMetricsTarget('prometheus=:9464')).toEqual({ kind: 'prometheus', host: '127.0.0.1', port: 9464 });
    expect(parseMetricsTarget('prometheus=0.0.0.0:9000')).toEqual({ kind: 'prometheus', host: '0.0.0.0', port: 9000 });
    expect(parseMetricsTarget('otlp=http://127.0.0.1:4318')).toEqual({ kind: 'otlp', url: 'http://127.0.0.1:4318/v1/metrics' });
    expect(() => parseMetricsTarget('statsd=:8125')).toThrow('invalid --out "statsd=:8125": expected prometheus=[HOST]:PORT or otlp=URL');
    expect(() => parseMetricsTarget('prometheus=9464')).toThrow('expected prometheus=[HOST]:PORT');
  });

  it('serves a Prometheus scrape endpoint on loopback while the run lasts', async () => {
    const port = await freePort();
    const scrapes: string[] = [];
    // Scrape on every progress tick of the measured phase (one at a time): a busy machine may publish the first
    // counters a tick after the first response.
    let scraping: Promise<void> = Promise.resolve();
    let busy = false;
    const result = await runLoadTest(
      { url: server.url, concurrency: 2, duration: 2, out: [`prometheus=:${port}`] },
      {
        onProgress: (p) => {
          if ((p.done ?? 0) > 0 && p.phase === 'measure' && !busy) {
            busy = true;
            scraping = fetch(`http://127.0.0.1:${port}/metrics`)
              .then(async (res) => void scrapes.push(await res.text()))
              .catch(() => undefined)
              .finally(() => { busy = false; });
          }
        },
      },
    );
    await scraping;
    expect(result.metricsOut).toEqual([`http://127.0.0.1:${port}/metrics`]);
    const counts = scrapes.map((t) => Number(/^sb_load_requests_total\{target="[^"]+"\} (\d+)$/m.exec(t)?.[1]));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((n) => Number.isInteger(n) && n <= result.requests)).toBe(true);
    const requests = Math.max(...counts);
    expect(requests).toBeGreaterThan(0);
    const text = scrapes[counts.indexOf(requests)] ?? '';
    expect(text).toMatch(/^sb_load_latency_seconds\{quantile="0\.99",target="http:\/\/127\.0\.0\.1:\d+\/"\} [0-9.e-]+$/m);
    expect(text).toContain('# TYPE sb_load_requests_total counter');
    // Closed with the run: nothing listens any more.
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow("fetch failed");
  });

  it('refuses a Prometheus port already in use, before any request', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const err: unknown = await runLoadTest({ url: server.url, requests: 5, out: [`prometheus=127.0.0.1:${port}`] }).catch((e: unknown) => e);
      expect(LoadtestError.is(err) && err.code).toBe('LOADTEST_METRICS_OUT');
      expect((err as Error).message).toBe(`cannot serve Prometheus metrics on 127.0.0.1:${port} (EADDRINUSE)`);
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });

  it('pushes OpenTelemetry metrics over OTLP/HTTP, the last export holding the final counts', async () => {
    const receiver = await otlpReceiver();
    try {
      const result = await runLoadTest({ url: server.url, concurrency: 2, requests: 300, out: [`otlp=${receiver.url}`] });
      expect(result.warnings.filter((w) => w.startsWith('metrics'))).toEqual([]);
      const metrics = metricsIn(receiver.bodies);
      const names = new Set(metrics.map((m) => m.name));
      expect([...names].sort()).toEqual(['sb.load.errors', 'sb.load.in_flight', 'sb.load.latency', 'sb.load.requests', 'sb.load.requests_per_second']);
      const lastRequests = metrics.filter((m) => m.name === 'sb.load.requests').at(-1)?.sum?.dataPoints[0];
      expect(Number(lastRequests?.asInt ?? lastRequests?.asDouble)).toBe(300);
      const p99 = metrics
        .filter((m) => m.name === 'sb.load.latency')
        .at(-1)
        ?.gauge?.dataPoints.find((d) => d.attributes.some((a) => a.key === 'quantile' && a.value.stringValue === '0.99'));
      expect(p99?.asDouble).toBe(result.latency.p99 / 1e6);
    } finally {
      await receiver.close();
    }
  });

  it('warns, without failing the run, when the OTLP endpoint does not answer', async () => {
    const port = await freePort();
    const result = await runLoadTest({ url: server.url, requests: 20, out: [`otlp=http://127.0.0.1:${port}`] });
    expect(result.requests).toBe(20);
    expect(result.warnings.some((w) => w.startsWith(`metrics to http://127.0.0.1:${port}/v1/metrics were not all delivered`))).toBe(true);
  });
});
