import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatScenarioReport, readScenario, renderHtmlReport, runLoadCheck, runScenario } from '../../src/index.js';
import { startServer, type TestServer } from '../helpers/servers.js';
import { flowServer } from './app.js';

// The issue's example, exactly as written, with the test server's port.
const ISSUE_YAML = `steps:
  - name: login
    request: { method: POST, url: "http://127.0.0.1:3000/login", body: '{"user":"a"}' }
    capture: { token: "$.token" }          # JSONPath into the JSON body; also header:NAME and regex:…
  - name: read
    request: { method: GET, url: "http://127.0.0.1:3000/items/{{token}}", headers: { authorization: "Bearer {{token}}" } }
`;

describe('scenarios', () => {
  let server: TestServer;
  let dir: string;
  const yaml = (): string => ISSUE_YAML.replaceAll('http://127.0.0.1:3000', server.url);
  beforeAll(async () => {
    server = await flowServer();
    dir = mkdtempSync(join(tmpdir(), 'sb-scenario-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs the issue's YAML flow 50 times: captures the token and sends it in the next step's URL and header", async () => {
    const file = join(dir, 'flow.yaml');
    writeFileSync(file, yaml());
    const check = await runLoadCheck({ scenario: file, requests: 50, concurrency: 5 });
    expect(check.kind).toBe('scenario');
    if (check.kind !== 'scenario') return;
    const r = check.result;
    expect(r.passed).toBe(true);
    expect(r.flows).toEqual([expect.objectContaining({ name: 'flow', started: 50, completed: 50, failed: 0 })]);
    expect(r.steps.map((s) => [s.name, s.requests, s.responses, s.statusCodes])).toEqual([
      ['login', 50, 50, { '200': 50 }],
      ['read', 50, 50, { '200': 50 }],
    ]);
    // 401 would mean the captured token did not reach the header: every read was authorised.
    expect(r.steps[1]!.latency.count).toBe(50);
    expect(r.flows[0]!.latency.p50).toBeGreaterThanOrEqual(r.steps[1]!.latency.p50);
    expect(formatScenarioReport(r)).toMatch(/^login\s+50\s+0\s+\S+/m);
  });

  it('loads .json and a .ts module exporting a typed scenario alike', async () => {
    const json = join(dir, 'flow.json');
    writeFileSync(json, JSON.stringify((await import('yaml')).parse(yaml())));
    const mod = join(dir, 'flow.ts');
    writeFileSync(mod, `import type { Scenario } from '${new URL('../../src/index.ts', import.meta.url).pathname}';\nexport default ${JSON.stringify((await import('yaml')).parse(yaml()))} satisfies Scenario;\n`);
    expect(await readScenario(json)).toEqual(await readScenario(mod));
  });

  it('captures by header and regex, fills data rows per virtual user, and runs weighted flows in proportion', async () => {
    const own = await flowServer();
    try {
      const rows = join(dir, 'users.csv');
      writeFileSync(rows, 'user,item\nann,1\nbob,2\n');
      const scenario = {
        flows: [
          {
            name: 'buy',
            weight: 3,
            steps: [
              { name: 'login', request: { method: 'POST', url: `${own.url}/login`, body: { user: '{{user}}' } }, capture: { session: 'header:X-Session', token: 'regex:"token":"([^"]+)"' } },
              { name: 'read', request: { url: `${own.url}/items/{{token}}`, headers: { authorization: 'Bearer {{token}}', 'x-s': '{{session}}' } } },
            ],
          },
          { name: 'browse', weight: 1, steps: [{ name: 'graphql', graphql: { url: `${own.url}/graphql`, query: 'query ($id: ID!) { item(id: $id) { id } }', variables: { id: '{{item}}' } } }] },
        ],
      };
      const r = await runScenario({ scenario, data: rows, requests: 40, concurrency: 2 });
      expect(r.passed).toBe(true);
      expect(r.flows.map((f) => [f.name, f.started])).toEqual([['buy', 30], ['browse', 10]]);
      const logins = own.received.filter((q) => q.body.startsWith('{"user"')).map((q) => JSON.parse(q.body).user as string);
      expect(new Set(logins)).toEqual(new Set(['ann', 'bob']));
      const graphql = own.received.find((q) => q.body.includes('"query"'));
      expect(JSON.parse(graphql!.body)).toMatchObject({ variables: { id: expect.stringMatching(/^[12]$/) } });
      expect(own.received.some((q) => /^s-\d+$/.test(String(q.headers['x-s'])))).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('runs setup once and shares its captures; counts GraphQL errors in a 200 and a failed capture as failures', async () => {
    const gql = await startServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/login') return res.end('{"token":"once"}');
      res.end(JSON.stringify(req.headers.authorization === 'Bearer once' ? { errors: [{ message: 'boom' }] } : { data: {} }));
    });
    try {
      const r = await runScenario({
        scenario: {
          setup: [{ name: 'login', request: { method: 'POST', url: `${gql.url}/login` }, capture: { token: '$.token' } }],
          steps: [
            { name: 'query', graphql: { url: `${gql.url}/graphql`, query: '{ me { id } }', headers: { authorization: 'Bearer {{token}}' } } },
          ],
        },
        requests: 10,
        concurrency: 2,
      });
      expect(r.setup).toMatchObject({ passed: true });
      expect(gql.received.filter((q) => q.body === '').length).toBeGreaterThanOrEqual(1);
      expect(r.steps[0]).toMatchObject({ requests: 10, responses: 10, failed: 10, failures: { 'graphql errors': 10 }, statusCodes: { '200': 10 } });
      expect(r.passed).toBe(false);
      expect(r.checks.find((c) => c.name === 'max-error-rate')?.message).toMatch(/10 of 10 requests failed \(100%, max 1%\): graphql errors ×10/);
      const miss = await runScenario({ scenario: { steps: [{ name: 'a', request: { url: `${gql.url}/x` }, capture: { nope: '$.missing' } }] }, requests: 3 });
      expect(miss.steps[0]!.failures).toEqual({ 'capture nope': 3 });
    } finally {
      await gql.close();
    }
  });

  it('applies per-step --expect-status and says in one line when nothing answered', async () => {
    const r = await runScenario({ scenario: { steps: [{ name: 'missing', request: { url: `${server.url}/nothing` }, expectStatus: 404 }] }, requests: 5 });
    expect(r.steps[0]).toMatchObject({ failed: 0, statusCodes: { '404': 5 } });
    const dead = await runScenario({ scenario: { steps: [{ name: 'a', request: { url: 'http://127.0.0.1:1/' } }] }, requests: 3, concurrency: 1 });
    expect(dead.passed).toBe(false);
    expect(formatScenarioReport(dead)).toBe('no response from http://127.0.0.1:1/: connection refused ×3\n');
  });

  it('open model: starts flows at --rate and charges each step from its intended start', async () => {
    const r = await runScenario({ scenario: (await import('yaml')).parse(yaml()), rate: 40, duration: 1 });
    expect(r.rate?.asked).toBe(40);
    expect(r.flows[0]!.started).toBeGreaterThanOrEqual(30);
    expect(r.flows[0]!.started).toBeLessThanOrEqual(50);
    // A step's latency includes its start delay: never below what the start delay alone explains.
    expect(r.steps[0]!.latency.max).toBeGreaterThanOrEqual(r.rate!.startDelay.max);
    const html = renderHtmlReport(r);
    expect(html).toContain('<h2>Steps</h2>');
    expect(html).toContain('flows in flight');
    expect(html).not.toContain('<script');
  });

  it('names the file, the step and the field of a bad scenario', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, yaml().replace('{{token}}"', '{{tokn}}"'));
    await expect(runLoadCheck({ scenario: bad, requests: 1 })).rejects.toThrow(/bad\.yaml: steps\[1\] "read": request\.url uses \{\{tokn\}\}, which no earlier step captures/);
    writeFileSync(bad, 'steps:\n  - name: a\n    request: { url: "ftp://x" }\n');
    await expect(readScenario(bad)).rejects.toMatchObject({ code: 'LOADTEST_SCENARIO_INVALID', message: expect.stringMatching(/steps\[0\] "a": request\.url must be an absolute http/) });
    writeFileSync(bad, 'steps:\n  - name: a\n    reqest: { url: "http://127.0.0.1/" }\n');
    await expect(readScenario(bad)).rejects.toThrow(/steps\[0\] "a": unknown field "reqest"/);
    writeFileSync(bad, 'steps: [ {name: a\n');
    await expect(readScenario(bad)).rejects.toThrow(/bad\.yaml: line \d+: /);
  });
});
