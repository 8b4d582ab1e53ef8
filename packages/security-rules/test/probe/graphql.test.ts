import { describe, expect, it } from 'vitest';
import { probeApi } from '../../src/index.js';
import { startOpenGraphql, startProtectedGraphql } from './apps/graphql.js';
import { listen } from './apps/variant.js';
import { createServer } from 'node:http';

const CHECKS = [
  'graphql.introspection', 'graphql.field-suggestions', 'graphql.ide', 'graphql.tracing', 'graphql.alias-overloading', 'graphql.batch',
  'graphql.field-duplication', 'graphql.directive-overloading', 'graphql.circular-introspection', 'graphql.get-query', 'graphql.get-mutation',
  'graphql.post-form', 'graphql.depth-limit', 'graphql.cost-limit',
];

const statuses = (report: Awaited<ReturnType<typeof probeApi>>): Record<string, string> =>
  Object.fromEntries(report.findings.filter((f) => f.category === 'graphql').map((f) => [f.id, f.status]));

describe('GraphQL probes', () => {
  it('find every check on a deliberately open server, each with a curl command that reproduces it', async () => {
    const app = await startOpenGraphql();
    try {
      const report = await probeApi({ url: `${app.url}/graphql`, graphql: true, only: ['graphql'] });
      expect(statuses(report)).toEqual(Object.fromEntries(CHECKS.map((id) => [id, 'fail'])));
      expect(report.graphql).toMatchObject({ endpoint: '/graphql', introspection: true, types: 4 });
      expect(report.findings.filter((f) => !f.curl?.startsWith('curl -sS ')).map((f) => f.id)).toEqual([]);
      const batch = report.findings.find((f) => f.id === 'graphql.batch');
      expect(batch?.curl).toBe(`curl -sS -X POST '${app.url}/graphql' -H 'content-type: application/json' -H 'accept: application/json' --data-raw '${JSON.stringify(Array.from({ length: 10 }, () => ({ query: 'query { __typename }' })))}'`);
      expect(report.ok).toBe(false);
      expect(report.summary.requests).toBeLessThanOrEqual(30);
    } finally {
      await app.close();
    }
  });

  it('find the endpoint on a common path when the target is the origin', async () => {
    const app = await startOpenGraphql();
    try {
      const report = await probeApi({ url: app.url, only: ['graphql'] });
      expect(report.graphql?.endpoint).toBe('/graphql');
      expect(statuses(report)['graphql.introspection']).toBe('fail');
    } finally {
      await app.close();
    }
  });

  it('find nothing on Yoga behind graphql-armor with introspection off, JSON POST only', async () => {
    const app = await startProtectedGraphql({ introspection: false });
    try {
      const report = await probeApi({ url: `${app.url}/graphql`, graphql: true, only: ['graphql'] });
      const s = statuses(report);
      expect(Object.keys(s).sort()).toEqual([...CHECKS].sort());
      expect(Object.entries(s).filter(([, v]) => v === 'fail')).toEqual([]);
      // Depth and cost need the schema; with introspection off they cannot be judged from outside.
      expect(s['graphql.depth-limit']).toBe('skip');
      expect(s['graphql.cost-limit']).toBe('skip');
      expect(report.ok).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('judge depth and cost limits from the schema when introspection is on', async () => {
    const app = await startProtectedGraphql({ introspection: true });
    try {
      const report = await probeApi({ url: `${app.url}/graphql`, graphql: true, only: ['graphql'] });
      const s = statuses(report);
      expect(s).toMatchObject({ 'graphql.introspection': 'fail', 'graphql.depth-limit': 'pass', 'graphql.cost-limit': 'pass', 'graphql.alias-overloading': 'pass' });
      expect(report.findings.find((f) => f.id === 'graphql.depth-limit')?.detail).toMatch(/12 levels deep was rejected/);
    } finally {
      await app.close();
    }
  });

  it('refuses a target with no GraphQL endpoint when --graphql is asked for, and stays quiet without it', async () => {
    const app = await listen(createServer((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}')));
    try {
      await expect(probeApi({ url: app.url, graphql: true, only: ['graphql'] })).rejects.toMatchObject({ code: 'SECRULES_PROBE_NOT_GRAPHQL', message: expect.stringMatching(/tried POST \{ __typename \} on \/, \/graphql, \/api\/graphql/) });
      const quiet = await probeApi({ url: app.url, only: ['graphql'] });
      expect(quiet.graphql).toBeUndefined();
      expect(quiet.findings).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
