import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

interface Server {
  url: string;
  hits: () => number;
  setDelay: (ms: number) => void;
  close: () => Promise<void>;
}

/** A real server on 127.0.0.1:0. `/status/N` answers N; `/limited` answers 429 after 20 requests; else 200 after `delay` ms. */
async function startServer(initialDelay: number): Promise<Server> {
  let delay = initialDelay;
  let hits = 0;
  let limitedHits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    req.resume();
    const status = /^\/status\/(\d{3})/.exec(req.url ?? '');
    if (status) {
      res.statusCode = Number(status[1]);
      return res.end();
    }
    if (req.url === '/limited' && ++limitedHits > 20) {
      res.writeHead(429, { 'retry-after': '<script>alert(1)</script>', 'ratelimit-limit': '20' });
      return res.end();
    }
    setTimeout(() => res.end('ok'), delay);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    setDelay: (ms) => (delay = ms),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('sb load', () => {
  let server: Server;
  let slow: Server;
  let dir: string;
  beforeAll(async () => {
    server = await startServer(5);
    slow = await startServer(30);
    dir = mkdtempSync(join(tmpdir(), 'sb-load-'));
  });
  afterAll(async () => {
    await Promise.all([server.close(), slow.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the closed model and prints the report, quietly when piped', async () => {
    const r = await runCli(['load', `${server.url}/users`, '--concurrency', '4', '--duration', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/closed model · 4 connections · 1 s/);
    expect(r.stdout).toMatch(/latency\s+min\s+mean\s+stdev\s+p50\s+p90\s+p95\s+p99\s+p99\.9\s+max/);
    expect(r.stdout).toMatch(/Little's law: 4 in flight/);
    expect(r.stdout).toMatch(/not corrected for coordinated omission/);
    expect(r.stderr).toBe('');
  });

  it('prints the open-model result as JSON with the delivered rate', async () => {
    const r = await runCli(['load', server.url, '--rate', '100', '--duration', '1', '--json']);
    expect(r.code).toBe(0);
    const json = (JSON.parse(r.stdout) as { result: { model: string; rate: { asked: number; ratio: number }; statusCodes: Record<string, number> } }).result;
    expect(json.model).toBe('open');
    expect(json.rate.asked).toBe(100);
    expect(json.statusCodes['200']).toBeGreaterThan(90);
  });

  it('sends the method, headers and a body read from @file', async () => {
    const file = join(dir, 'body.json');
    writeFileSync(file, '{"email":"not-an-email"}');
    const r = await runCli(['load', `${server.url}/status/400`, '-m', 'POST', '-H', 'Content-Type: application/json', '--body', `@${file}`, '-n', '10', '--expect-status', '400', '--json']);
    expect(r.code).toBe(0);
    const json = (JSON.parse(r.stdout) as { result: { passed: boolean; settings: { bodyBase64: string; headers: Record<string, string> } } }).result;
    expect(json.passed).toBe(true);
    expect(Buffer.from(json.settings.bodyBase64, 'base64').toString()).toBe('{"email":"not-an-email"}');
    expect(json.settings.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('says in one line that nothing answered, prints no figures and exits 1 on a dead server', async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const r = await runCli(['load', `http://127.0.0.1:${port}/`, '-d', '0.5']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^no response from http://127\\.0\\.0\\.1:${port}/: connection refused ×\\d+\\n+$`));
    expect(r.stdout).not.toMatch(/req\/s|µs|ms/);
  });

  it('exits 1 with the failures by class when more than --max-error-rate fail', async () => {
    const r = await runCli(['load', `${server.url}/status/503`, '-n', '20', '--max-error-rate', '5%']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL {2}max-error-rate: 20 of 20 requests failed \(100%, max 5%\): status 503 ×20/);
    expect(r.stdout).toMatch(/throughput .* responses\/s/);
  });

  it('runs a scenario file with --requests and data rows, and prints the per-step table', async () => {
    const flow = join(dir, 'flow.yaml');
    writeFileSync(flow, `steps:\n  - name: first\n    request: { url: "${server.url}/status/200?u={{user}}" }\n  - name: second\n    request: { url: "${server.url}/status/204" }\n`);
    const users = join(dir, 'users.json');
    writeFileSync(users, '[{"user":"ann"},{"user":"bob"}]');
    const r = await runCli(['load', '--scenario', flow, '--data', users, '--requests', '10', '-c', '2', '--html', join(dir, 's.html')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^first\s+10\s+0\s/m);
    expect(r.stdout).toMatch(/^second\s+10\s+0\s.*204 ×10/m);
    expect(r.stdout).toMatch(/2 data rows \(per-vu\)/);
    expect(r.stdout).toContain(`report written to ${join(dir, 's.html')}`);
  });

  it('exits 1 and names the offending codes when --expect-status fails', async () => {
    const r = await runCli(['load', `${server.url}/status/200`, '-n', '10', '--expect-status', '400,422']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL {2}expect-status: 10 of 10 requests did not get status 400, 422: 200 ×10/);
  });

  it('finds the rate limit and writes an escaped, self-contained HTML report', async () => {
    const html = join(dir, 'report.html');
    const r = await runCli(['load', `${server.url}/limited`, '-c', '1', '-n', '40', '--expect-rate-limit', '--html', html]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASS {2}expect-rate-limit: rate limited after 21 requests/);
    expect(r.stdout).toMatch(/ratelimit-limit: 20/);
    expect(r.stdout).toContain(`report written to ${html}`);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('Throughput and errors over time');
    expect(page).toContain('In flight over time');
    expect(page).toContain('<svg');
    expect(page).not.toContain('<script>');
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('exits 1 when --expect-rate-limit sees no 429', async () => {
    const r = await runCli(['load', `${server.url}/users`, '-n', '20', '--expect-rate-limit']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL {2}expect-rate-limit: no 429/);
  });

  it('shares the load over --workers threads and merges their histograms', async () => {
    const r = await runCli(['load', `${server.url}/users`, '-c', '4', '-n', '41', '--workers', '2', '--json']);
    expect(r.code).toBe(0);
    const json = (JSON.parse(r.stdout) as { result: { requests: number; latency: { count: number }; settings: { workers: number } } }).result;
    expect(json.settings.workers).toBe(2);
    expect(json.requests).toBe(41);
    expect(json.latency.count).toBe(41);
  });

  it.each([
    [['not-a-url'], /LOADTEST_INVALID_OPTION.*invalid URL/],
    [['{url}', '-m', 'G T'], /LOADTEST_INVALID_OPTION.*invalid method/],
    [['{url}', '-H', 'no colon here'], /SB_USAGE.*--header: invalid header "no colon here"/],
    [['--scenario', 'missing.yaml'], /LOADTEST_SCENARIO_INVALID.*missing\.yaml: file: cannot be read \(ENOENT\)/],
    [[], /SB_USAGE.*give a URL to load, or --scenario FILE/],
    [['{url}', '--body', '@missing.json'], /LOADTEST_BODY_FILE.*missing\.json \(ENOENT\)/],
    [['{url}', '--duration', '0'], /LOADTEST_INVALID_OPTION.*duration must be a positive/],
    [['{url}', '--rate', '-5'], /LOADTEST_INVALID_OPTION.*rate must be a positive/],
    [['{url}', '--concurrency', '0'], /LOADTEST_INVALID_OPTION.*concurrency must be a positive/],
    [['{url}', '--duration', 'abc'], /SB_USAGE.*--duration/],
    [['{url}', '--baseline', 'missing-baseline.json'], /LOADTEST_BASELINE_INVALID.*missing-baseline\.json/],
  ])('rejects bad input %j with exit 2 before any request', async (args, message) => {
    const before = server.hits();
    const r = await runCli(['load', ...args.map((a) => a.replace('{url}', server.url))], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/ at /);
    expect(server.hits()).toBe(before);
  });

  it('saves a baseline, passes against it, and exits 1 on a significant regression', async () => {
    const file = join(dir, 'baseline.json');
    const saved = await runCli(['load', `${server.url}/users`, '-c', '2', '-d', '4', '--save', file]);
    expect(saved.code).toBe(0);
    const baseline = JSON.parse(readFileSync(file, 'utf8')) as { format: string; histogram: string; samples: { p50: number[] } };
    expect(baseline.format).toBe('sb-loadtest-baseline');
    expect(baseline.samples.p50.length).toBeGreaterThanOrEqual(4);
    const same = await runCli(['load', `${server.url}/users`, '--baseline', file, '--tolerance', '200%', '--json']);
    expect(same.code).toBe(0);
    server.setDelay(40);
    try {
      const worse = await runCli(['load', `${server.url}/users`, '--baseline', file]);
      expect(worse.code).toBe(1);
      expect(worse.stdout).toMatch(/FAIL {2}baseline: regression beyond 10%.*slower at p50 \(significant/);
    } finally {
      server.setDelay(5);
    }
  });

  it('compares two URLs in alternating slices and calls the slower one significantly slower', async () => {
    const r = await runCli(['load', `${server.url}/v1`, `${slow.url}/v2`, '-c', '2', '-d', '5', '--json']);
    expect(r.code).toBe(0);
    const json = (JSON.parse(r.stdout) as { comparison: { slices: number; metrics: { metric: string; significant: boolean; change: number }[]; verdict: string[] } }).comparison;
    expect(json.slices).toBeGreaterThanOrEqual(5);
    const p50 = json.metrics.find((m) => m.metric === 'p50');
    expect(p50?.significant).toBe(true);
    expect(p50?.change).toBeGreaterThan(1);
    expect(json.verdict[0]).toMatch(/^B \(.*\/v2\) is \d+\.\d% slower at p50 \(significant/);
  });
});
