import { describe, expect, it } from 'vitest';
import { probeApi } from '../../src/index.js';
import { startExpress } from './apps/express.js';
import { HARDENED, HARDENED_COMMON, INSECURE, INSECURE_COMMON, SPEC, verdicts } from './verdicts.js';

describe('probe of an Express 5 app', () => {
  it('fails the unprotected app on CORS, limiter, cookies, headers, validation and leaked stack traces', async () => {
    const app = await startExpress(INSECURE);
    try {
      const report = await probeApi({ url: app.url, spec: SPEC, login: '/auth/login', burst: 20 });
      const v = verdicts(report);
      expect(v).toMatchObject(INSECURE_COMMON);
      // Express's default error handler prints the stack unless NODE_ENV=production.
      expect(v['errors.malformed-json']).toBe('fail/high');
      expect(report.findings.find((f) => f.id === 'errors.malformed-json')?.detail).toMatch(/server internals/);
      expect(v['headers.x-powered-by']).toBe('fail/low');
      expect(report.rateLimit).toMatchObject({ route: 'POST /auth/login', limited: false, requests: 21 });
      expect(report.ok).toBe(false);
      expect(report.summary.gating).toBeGreaterThanOrEqual(8);
    } finally {
      await app.close();
    }
  });

  it('passes the app behind helmet, express-rate-limit and hand-written validation', async () => {
    const app = await startExpress(HARDENED);
    try {
      const report = await probeApi({ url: app.url, spec: SPEC, login: '/auth/login', burst: 20 });
      expect(verdicts(report)).toMatchObject(HARDENED_COMMON);
      // limit 5: five 401s, then 429 with the draft-7 RateLimit headers and Retry-After.
      expect(report.rateLimit).toMatchObject({ limited: true, firstLimitedAfter: 6, retryAfter: '60' });
      expect(report.rateLimit?.headers).toHaveProperty('ratelimit-policy');
      expect(report.summary.failed).toBe(0);
      expect(report.ok).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('fails * with credentials, and grades a JSON root by the API rules', async () => {
    const app = await startExpress({ cors: 'wildcard-credentials', root: 'json' });
    try {
      const report = await probeApi({ url: app.url, only: ['headers', 'cors'] });
      const v = verdicts(report);
      expect(report.contentType).toBe('json');
      expect(v).toMatchObject({
        'cors.wildcard-credentials': 'fail/medium',
        'cors.reflected-origin': 'pass/medium',
        'headers.nosniff': 'fail/medium',
        'headers.cache-control': 'fail/low',
        'headers.api-csp': 'fail/info',
      });
      expect(v).not.toHaveProperty('headers.csp');
      expect(v).not.toHaveProperty('rate-limit.limited');
      // The only high failure: express.json()'s parse error reaches the default handler, which prints the stack.
      expect(report.findings.filter((f) => f.status === 'fail' && f.severity === 'high').map((f) => f.id)).toEqual(['errors.malformed-json']);
    } finally {
      await app.close();
    }
  });
});
