import { afterEach, describe, expect, it } from 'vitest';
import { formatReport, runLoadTest } from '../../src/index.js';
import { rawServer, refusingUrl, startServer, type TestServer } from '../helpers/servers.js';

describe('a misbehaving server', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('says in one line that a dead server never answered, with no figures, and fails', async () => {
    const url = await refusingUrl();
    const result = await runLoadTest({ url, concurrency: 3, duration: 0.5 });
    expect(result.errors.refused).toBeGreaterThan(0);
    expect(result.errorCount).toBe(result.errors.refused);
    expect(result.responses).toBe(0);
    expect(result.passed).toBe(false);
    expect(result.throughput.requestsPerSec).toBe(0);
    expect(result.latency.count).toBe(0);
    expect(result.checks).toEqual([
      { name: 'responses', passed: false, message: `no response from ${url}/: connection refused ×${result.errors.refused}`, offenders: { 'connection refused': result.errors.refused } },
    ]);
    // Nothing about the generator or latency: there is nothing to trust or distrust.
    expect(result.warnings).toEqual([]);
    expect(formatReport(result)).toBe(`no response from ${url}/: connection refused ×${result.errors.refused}\n`);
  });

  it('never reports an empty histogram for a run with responses (closed model, window shorter than a response)', async () => {
    // Every response takes 300 ms; warmup 0.1 s then 0.1 s measured: the requests sent during warmup complete
    // inside the measured window. Counting by send time recorded none of them (p50 = 0 with responses).
    server = await startServer((_req, res) => setTimeout(() => res.end('ok'), 300));
    const result = await runLoadTest({ url: server.url, concurrency: 2, duration: 0.1, warmup: 0.1 });
    expect(result.responses).toBeGreaterThanOrEqual(2);
    expect(result.latency.count).toBe(result.responses);
    expect(result.latency.p50).toBeGreaterThanOrEqual(290_000);
  });

  it('counts connections reset mid-request and keeps going', async () => {
    server = await startServer((req, res, n) => (n % 3 === 0 ? req.socket.destroy() : res.end('ok')));
    const result = await runLoadTest({ url: server.url, concurrency: 4, requests: 60 });
    expect(result.requests).toBe(60);
    expect(result.errors.reset).toBeGreaterThan(0);
    expect(result.statusCodes['200']).toBeGreaterThan(0);
    expect(result.errors.reset + (result.statusCodes['200'] ?? 0)).toBe(60);
  });

  it('times out a server that never answers, within the timeout, without hanging', async () => {
    server = await startServer(() => undefined);
    const result = await runLoadTest({ url: server.url, concurrency: 2, duration: 0.5, timeout: 300 });
    expect(result.errors.timeout).toBeGreaterThan(0);
    expect(result.errorSamples.timeout).toMatch(/timeout/i);
    expect(result.responses).toBe(0);
  });

  it('times out a body that trickles slower than the timeout', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200);
      res.write('a');
      const timer = setInterval(() => (res.writableEnded ? clearInterval(timer) : res.write('b')), 1000);
      res.on('close', () => clearInterval(timer));
    });
    const result = await runLoadTest({ url: server.url, concurrency: 1, requests: 2, timeout: 300 });
    expect(result.errors.timeout).toBe(2);
  });

  it('measures a slow body to its last byte and counts the bytes', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('x'.repeat(1000));
      setTimeout(() => res.end('y'.repeat(1000)), 50);
    });
    const result = await runLoadTest({ url: server.url, concurrency: 2, requests: 10 });
    expect(result.errorCount).toBe(0);
    expect(result.latency.min).toBeGreaterThanOrEqual(45_000);
    expect(result.throughput.bytes).toBe(20_000);
  });

  it('classifies a response that is not HTTP as a parse error', async () => {
    server = await rawServer('HELLO WORLD\r\n\r\n');
    const result = await runLoadTest({ url: server.url, concurrency: 2, requests: 6 });
    expect(result.errors.parse).toBe(6);
  });
});
