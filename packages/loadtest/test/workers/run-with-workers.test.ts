import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoadTest } from '../../src/index.js';
import { fixedDelayServer, type TestServer } from '../helpers/servers.js';

describe('worker threads', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await fixedDelayServer(2);
  });
  afterAll(() => server.close());

  it('splits the requests over the workers and merges their histograms', async () => {
    const result = await runLoadTest({ url: server.url, concurrency: 4, requests: 81, workers: 2 });
    expect(result.requests).toBe(81);
    expect(result.latency.count).toBe(81);
    expect(result.statusCodes).toEqual({ '200': 81 });
    expect(result.connections).toBe(4);
  });
});
