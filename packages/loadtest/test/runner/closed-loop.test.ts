import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoadTest } from '../../src/index.js';
import { fixedDelayServer, type TestServer } from '../helpers/servers.js';

describe('closed model', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await fixedDelayServer(20);
  });
  afterAll(() => server.close());

  it('sends exactly --requests requests with the method, headers and body asked for', async () => {
    const own = await fixedDelayServer(1);
    const result = await runLoadTest({
      url: `${own.url}/orders?x=1`,
      method: 'post',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{"product_id":1}',
      concurrency: 4,
      requests: 40,
    });
    expect(result.requests).toBe(40);
    expect(result.statusCodes).toEqual({ '200': 40 });
    const seen = own.received;
    await own.close();
    expect(seen.length).toBe(40);
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"product_id":1}', headers: { authorization: 'Bearer t' } });
  });

  it('pipelines requests on each connection with --pipelining', async () => {
    const result = await runLoadTest({ url: server.url, concurrency: 2, pipelining: 4, requests: 40 });
    expect(result.requests).toBe(40);
    expect(result.statusCodes).toEqual({ '200': 40 });
    expect(result.connections).toBe(2);
    expect(result.maxInFlight).toBeGreaterThan(2);
  });

  it('keeps warmup traffic out of the numbers', async () => {
    const result = await runLoadTest({ url: server.url, concurrency: 2, requests: 10, warmup: 0.3 });
    expect(result.requests).toBe(10);
    expect(result.latency.count).toBe(10);
  });

  it('stops early and returns partial results when aborted', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    setTimeout(() => controller.abort(), 1200);
    const result = await runLoadTest(
      { url: server.url, concurrency: 5, duration: 30 },
      { signal: controller.signal, onProgress: (p) => progress.push(p.done ?? 0) },
    );
    expect(result.aborted).toBe(true);
    expect(result.passed).toBe(false);
    expect(result.requests).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThanOrEqual(1);
  });
});
