import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

interface App {
  url: string;
  close: () => Promise<void>;
}

/**
 * A plain node:http API on 127.0.0.1:0. `hardened`: security headers, an allow-listed CORS origin, a session
 * cookie with every flag, 429 after 3 logins, 400 on invalid input. Otherwise: reflected CORS with
 * credentials, a bare cookie, no limiter, a 500 with a stack trace on bad input.
 */
async function startApp(hardened: boolean): Promise<App> {
  let logins = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const origin = req.headers.origin;
      if (hardened) {
        res.setHeader('x-content-type-options', 'nosniff');
        res.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
        res.setHeader('cache-control', 'no-store');
      } else if (origin) {
        res.setHeader('access-control-allow-origin', origin);
        res.setHeader('access-control-allow-credentials', 'true');
      }
      const json = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      if (req.url === '/') return json(200, { ok: true });
      if (req.url === '/auth/login' && req.method === 'POST') {
        if (hardened && ++logins > 3) return void res.writeHead(429, { 'retry-after': '60' }).end();
        res.setHeader('set-cookie', hardened ? 'sid=1; HttpOnly; Secure; SameSite=Strict' : 'sid=1');
        try {
          JSON.parse(Buffer.concat(chunks).toString('utf8'));
          return json(401, { error: 'invalid credentials' });
        } catch (err) {
          return hardened ? json(400, { error: 'bad json' }) : json(500, { error: (err as Error).message, stack: (err as Error).stack });
        }
      }
      return json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

let insecure: App;
let hardened: App;
let dir: string;
beforeAll(async () => {
  [insecure, hardened] = await Promise.all([startApp(false), startApp(true)]);
  dir = mkdtempSync(join(tmpdir(), 'sb-probe-cli-'));
});
afterAll(async () => {
  await Promise.all([insecure.close(), hardened.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('sb security probe', () => {
  it('exits 1 and lists the high failures of an unprotected API', async () => {
    const { code, stdout } = await runCli(['security', 'probe', insecure.url, '--login', '/auth/login', '--burst', '10']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL {2}high {4}cors\.reflected-origin$/m);
    expect(stdout).toMatch(/^FAIL {2}high {4}rate-limit\.limited POST \/auth\/login$/m);
    expect(stdout).toMatch(/^FAIL {2}high {4}errors\.malformed-json POST \/auth\/login$/m);
    expect(stdout).toMatch(/^FAIL {2}high {4}cookies\.httponly POST \/auth\/login$/m);
    expect(stdout).toContain('rate limit: POST /auth/login: no 429 in 11 requests (11×401)');
  });

  it('exits 0 for a hardened API and prints the report as JSON with --json', async () => {
    const { code, stdout } = await runCli(['security', 'probe', hardened.url, '--login', '/auth/login', '--burst', '10', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { ok: boolean; contentType: string; rateLimit: { limited: boolean; firstLimitedAfter: number; retryAfter: string }; summary: { gating: number } };
    expect(report).toMatchObject({ ok: true, contentType: 'json', summary: { gating: 0 } });
    // 3 logins allowed; the malformed-JSON probe used one, the single login request another.
    expect(report.rateLimit).toMatchObject({ limited: true, retryAfter: '60' });
  });

  it('fails on a lower severity with --fail-on', async () => {
    const { code, stdout } = await runCli(['security', 'probe', hardened.url, '--only', 'headers', '--fail-on', 'low', '--all']);
    expect(stdout).toMatch(/^ok {4}medium {2}headers\.nosniff$/m);
    expect(code).toBe(0);
  });

  it('grades a plain-HTTP loopback API on the tests that apply and says what TLS adds; the counts add up', async () => {
    const { stdout } = await runCli(['security', 'probe', hardened.url, '--only', 'headers']);
    const grade = stdout.split('\n').filter((l) => l.includes('Observatory-compatible') || l.includes('not graded on plain HTTP'));
    expect(grade).toHaveLength(2);
    expect(grade[0]).toMatch(/^headers, Observatory-compatible: \d+ \([A-F][+-]?\) on plain HTTP, (\d+)\/\1 tests that apply pass$/);
    expect(grade[1]).toMatch(/^ {2}not graded on plain HTTP: strict-transport-security \(-20\), redirection \(-20\); they count behind TLS\. The Observatory's own score for this target as served now: \d+ \(/);
    expect(stdout).toMatch(/^probes: 0 failed, \d+ passed, \d+ skipped/m);
  });

  it('keeps --only output to the families asked for', async () => {
    const { stdout } = await runCli(['security', 'probe', hardened.url, '--only', 'cors', '--all', '--json']);
    const report = JSON.parse(stdout) as { observatory?: unknown; findings: { category: string }[] };
    expect(report.observatory).toBeUndefined();
    expect(new Set(report.findings.map((f) => f.category))).toEqual(new Set(['cors']));
  });

  it('probes a GraphQL endpoint with --graphql and prints the curl command of each finding', async () => {
    // Answers every request as GraphQL would if it ran everything: GET, url-encoded and duplicated fields included.
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"__typename":"Query"}}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { code, stdout } = await runCli(['security', 'probe', `${url}/graphql`, '--graphql', '--only', 'graphql']);
      expect(code).toBe(1);
      expect(stdout).toMatch(/^FAIL {2}high {4}graphql\.field-duplication POST \/graphql$/m);
      expect(stdout).toMatch(/^FAIL {2}medium {2}graphql\.get-query GET \/graphql$/m);
      expect(stdout).toContain(`reproduce: curl -sS '${url}/graphql?query=query+%7B+__typename+%7D' -H 'accept: application/json'`);
      expect(stdout).toContain('GraphQL endpoint /graphql: introspection off');
      expect(stdout).not.toMatch(/Observatory/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('exits 2 with one line when the target refuses connections', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { code, stdout, stderr } = await runCli(['security', 'probe', `http://127.0.0.1:${port}`]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(`error [SECRULES_PROBE_UNREACHABLE]: cannot reach http://127.0.0.1:${port}/: connection refused (is the server running?)`);
  });

  it('refuses a non-loopback target without sending anything', async () => {
    const { code, stdout } = await runCli(['security', 'probe', 'http://10.1.2.3:3000', '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      error: { code: 'SECRULES_PROBE_REMOTE_TARGET', message: 'refusing to probe 10.1.2.3:3000: not a loopback address (use 127.0.0.1, [::1] or localhost, or pass --allow-remote for a host you own)' },
    });
  });

  it.each([
    ['a spec that does not parse', (d: string) => { writeFileSync(join(d, 'bad.yaml'), 'openapi: 3.0.0\npaths: [\n'); return ['--spec', join(d, 'bad.yaml')]; }, 'SECRULES_SPEC_INVALID'],
    ['a header without a colon', () => ['-H', 'Authorization Bearer x'], 'SB_USAGE'],
    ['a burst that is not a number', () => ['--burst', 'lots'], 'SB_USAGE'],
    ['a login route that is a URL', () => ['--login', 'http://127.0.0.1/login'], 'SECRULES_INVALID_OPTION'],
  ])('exits 2 on %s', async (_name, extra, errorCode) => {
    const { code, stderr } = await runCli(['security', 'probe', hardened.url, ...extra(dir)]);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toContain(`error [${errorCode}]`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
