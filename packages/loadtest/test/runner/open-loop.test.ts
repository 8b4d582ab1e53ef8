import { afterEach, describe, expect, it } from 'vitest';
import { runLoadTest } from '../../src/index.js';
import { fixedDelayServer, stallingServer, type TestServer } from '../helpers/servers.js';

describe('open model', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());

  it('reports p50 of a 20 ms server at or above 20 ms (no wrong coordinated-omission correction)', async () => {
    server = await fixedDelayServer(20);
    const result = await runLoadTest({ url: server.url, rate: 200, duration: 1.5 });
    expect(result.coordinatedOmissionCorrected).toBe(true);
    expect(result.latency.p50).toBeGreaterThanOrEqual(20_000);
    expect(result.latency.p50).toBeLessThanOrEqual(30_000);
    expect(result.rate?.ratio).toBeGreaterThanOrEqual(0.99);
    expect(result.requests).toBe(result.rate ? Math.round(result.rate.delivered * 1.5) : -1);
  });

  it('charges a 1 s stall to every request due during it: p90 ≈ 500 ms, p99 ≈ 950 ms at 1000 req/s', async () => {
    const stalling = await stallingServer(5000, 1000);
    server = stalling;
    const result = await runLoadTest({ url: stalling.url, rate: 1000, duration: 5 });
    expect(result.errorCount).toBe(0);
    expect(result.rate?.asked).toBe(1000);
    expect(result.rate?.ratio).toBeGreaterThanOrEqual(0.97);
    expect(result.latency.p90).toBeGreaterThanOrEqual(400_000);
    expect(result.latency.p90).toBeLessThanOrEqual(700_000);
    expect(result.latency.p99).toBeGreaterThanOrEqual(850_000);
    expect(result.latency.p99).toBeLessThanOrEqual(1_100_000);
    // The generator's own lateness is reported apart and is small next to the stall.
    expect(result.rate?.generatorLag.p50).toBeLessThan(50_000);
  });

  it('spreads requests evenly: each timeline second carries about the asked rate', async () => {
    server = await fixedDelayServer(1);
    const result = await runLoadTest({ url: server.url, rate: 300, duration: 2, sampleIntervalMs: 500 });
    const full = result.timeline.filter((point) => point.t <= 2);
    expect(full.length).toBeGreaterThanOrEqual(3);
    for (const point of full) expect(Math.abs(point.requests - 150)).toBeLessThanOrEqual(25);
  });

  it('warns loudly when the connection cap keeps it from delivering the rate', async () => {
    server = await fixedDelayServer(100);
    const result = await runLoadTest({ url: server.url, rate: 200, concurrency: 2, duration: 1 });
    expect(result.rate?.behind).toBe(true);
    expect(result.rate?.maxQueued).toBeGreaterThan(0);
    expect(result.warnings.join('\n')).toMatch(/were sent on schedule/);
    // Queueing is charged: latency counts from the intended send time.
    expect(result.latency.max).toBeGreaterThan(200_000);
  });
});
