import { afterEach, describe, expect, it } from 'vitest';
import { runLoadTest } from '../../src/index.js';
import { rawServer, refusingUrl, startServer, type TestServer } from '../helpers/servers.js';

describe('a misbehaving server', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('counts refused connections and completes', async () => {
    const result = await runLoadTest({ url: await refusingUrl(), concurrency: 3, duration: 0.5 });
    expect(result.errors.refused).toBeGreaterThan(0);
    expect(result.errorCount).toBe(result.errors.refused);
    expect(result.responses).toBe(0);
    expect(result.warnings.join('\n')).toMatch(/every request failed/);
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
