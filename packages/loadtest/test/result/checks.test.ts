import { afterEach, describe, expect, it } from 'vitest';
import { runLoadTest } from '../../src/index.js';
import { startServer, type TestServer } from '../helpers/servers.js';

describe('expectations', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('finds the rate limit, after how many requests, with its headers', async () => {
    server = await startServer((_req, res, n) => {
      if (n <= 25) return res.end('ok');
      res.writeHead(429, { 'retry-after': '30', 'ratelimit-limit': '25', 'ratelimit-remaining': '0', 'x-other': 'no' });
      res.end();
    });
    const result = await runLoadTest({ url: server.url, concurrency: 1, requests: 40, expectRateLimit: true });
    expect(result.rateLimit).toMatchObject({
      limited: true,
      firstAfterRequests: 26,
      retryAfter: '30',
      headers: { 'retry-after': '30', 'ratelimit-limit': '25', 'ratelimit-remaining': '0' },
      count: 15,
    });
    expect(result.rateLimit.headers['x-other']).toBeUndefined();
    expect(result.non2xx).toBe(0);
    expect(result.passed).toBe(true);
    expect(result.checks.find((c) => c.name === 'expect-rate-limit')).toMatchObject({ passed: true });
  });

  it('fails the rate-limit expectation when no 429 comes', async () => {
    server = await startServer((_req, res) => res.end('ok'));
    const result = await runLoadTest({ url: server.url, concurrency: 2, requests: 20, expectRateLimit: true });
    expect(result.passed).toBe(false);
    expect(result.checks.find((c) => c.name === 'expect-rate-limit')?.message).toMatch(/not rate limited/);
  });

  it('passes --expect-status when every response has the code', async () => {
    server = await startServer((_req, res) => {
      res.statusCode = 400;
      res.end('{"error":"invalid email"}');
    });
    const result = await runLoadTest({ url: server.url, method: 'POST', body: '{"email":"x"}', requests: 10, expectStatus: [400] });
    expect(result.passed).toBe(true);
  });

  it('reports the offenders by code when some responses differ', async () => {
    server = await startServer((_req, res, n) => {
      res.statusCode = n % 5 === 0 ? 500 : 400;
      res.end();
    });
    const result = await runLoadTest({ url: server.url, concurrency: 1, requests: 20, expectStatus: [400, 422] });
    expect(result.passed).toBe(false);
    const status = result.checks.find((c) => c.name === 'expect-status');
    expect(status?.offenders).toEqual({ '500': 4 });
    expect(status?.message).toMatch(/4 of 20 requests did not get status 400, 422: 500 ×4/);
    // --expect-status decides about statuses: the 500s are its offenders, not failures of the error rate.
    expect(result.checks.find((c) => c.name === 'max-error-rate')).toMatchObject({ passed: true });
  });

  it('fails when more than maxErrorRate of the requests fail, with the failures by class', async () => {
    server = await startServer((req, res, n) => (n % 4 === 0 ? req.socket.destroy() : n % 4 === 1 ? ((res.statusCode = 503), res.end()) : res.end('ok')));
    const result = await runLoadTest({ url: server.url, concurrency: 1, requests: 40, maxErrorRate: 0.05 });
    const check = result.checks.find((c) => c.name === 'max-error-rate');
    expect(result.passed).toBe(false);
    expect(check?.passed).toBe(false);
    expect(check?.offenders).toEqual({ 'connection reset': result.errors.reset, 'status 503': result.statusCodes['503'] });
    expect(check?.message).toMatch(/^20 of 40 requests failed \(50%, max 5%\): /);
    expect(result.errorRate).toBe(0.5);
  });

  it('passes a run whose failures stay within maxErrorRate', async () => {
    server = await startServer((_req, res, n) => ((res.statusCode = n === 1 ? 500 : 200), res.end()));
    const result = await runLoadTest({ url: server.url, concurrency: 1, requests: 40, maxErrorRate: 0.05 });
    expect(result.checks.find((c) => c.name === 'max-error-rate')).toMatchObject({ passed: true, message: '1 of 40 requests failed (2.5%, max 5%)' });
    expect(result.passed).toBe(true);
  });
});
