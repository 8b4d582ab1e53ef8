import { createServer } from 'node:http';
import { listenOnLoopback } from '@sb/test-utils';
import { describe, expect, it } from 'vitest';
import { probeApi, scan, SecurityRulesError, type Progress } from '../src/index.js';
import { tempProject } from './helpers/project.js';

async function rejection(run: Promise<unknown>): Promise<SecurityRulesError> {
  const err = await run.then(() => undefined, (e: unknown) => e);
  if (!SecurityRulesError.is(err)) throw new Error(`expected a SecurityRulesError, got ${String(err)}`);
  return err;
}

describe('one call shape: fn(options, { signal, onProgress })', () => {
  it('scan reports load, routes, then one rules event per rule as done/total', async () => {
    const dir = tempProject({ 'a.ts': "import { exec } from 'child_process';\nexport const h = (req: any) => exec('ls ' + req.query.d);\n" });
    const seen: Progress[] = [];
    const result = await scan({ paths: [dir], rules: ['command-injection', 'hardcoded-secret'] }, { onProgress: (p) => seen.push(p) });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['command-injection']);
    expect(seen.map((p) => [p.phase, p.done, p.total])).toEqual([
      ['load', undefined, undefined],
      ['routes', undefined, undefined],
      ['rules', 0, 2],
      ['rules', 1, 2],
    ]);
    for (const p of seen) expect(p.message).not.toBe('');
  });

  it('scan stops between rules with SECRULES_ABORTED when aborted from outside (a timer, a signal handler)', async () => {
    const dir = tempProject({ 'a.ts': 'export const a = 1;\n' });
    const controller = new AbortController();
    const rules: Progress[] = [];
    const err = await rejection(
      scan(
        { paths: [dir] },
        {
          signal: controller.signal,
          onProgress: (p) => {
            if (p.phase !== 'rules') return;
            rules.push(p);
            // Not aborted here: the abort lands from the event loop while the rules run.
            if (rules.length === 1) setImmediate(() => controller.abort());
          },
        },
      ),
    );
    expect(err.code).toBe('SECRULES_ABORTED');
    expect(rules[0]!.total).toBeGreaterThan(5);
    expect(rules.length).toBeLessThan(rules[0]!.total!);
  });

  it('probeApi stops mid-burst with SECRULES_ABORTED, and the burst stops sending', async () => {
    const controller = new AbortController();
    let burst = 0;
    const server = createServer((req, res) => {
      if (req.url === '/items' && ++burst === 10) controller.abort();
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), 5);
    });
    const app = await listenOnLoopback(server);
    try {
      const seen: Progress[] = [];
      const err = await rejection(
        probeApi({ url: app.url, rateLimitRoute: 'GET /items', burst: 1000, burstConcurrency: 2, only: ['rate-limit'] }, { signal: controller.signal, onProgress: (p) => seen.push(p) }),
      );
      expect(err.code).toBe('SECRULES_ABORTED');
      expect(err.message).toBe(`probe of ${app.url} was aborted`);
      expect(seen[0]).toMatchObject({ phase: 'headers', message: expect.stringContaining('requests sent') });
      expect(seen.some((p) => p.phase === 'rate-limit')).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(burst).toBeLessThan(100);
    } finally {
      await app.close();
    }
  });
});
