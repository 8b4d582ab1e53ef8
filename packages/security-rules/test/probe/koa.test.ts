import { describe, expect, it } from 'vitest';
import { probeApi } from '../../src/index.js';
import { startKoa } from './apps/koa.js';
import { fileURLToPath } from 'node:url';
import { HARDENED, HARDENED_COMMON, INSECURE, INSECURE_COMMON, SPEC, verdicts } from './verdicts.js';

const LOGIN_SPEC = fileURLToPath(new URL('./fixtures/openapi-login.yaml', import.meta.url));

describe('probe of a Koa 3 app', () => {
  it('fails the app without koa-helmet, koa-ratelimit or validation', async () => {
    const app = await startKoa(INSECURE);
    try {
      const report = await probeApi({ url: app.url, spec: SPEC, login: '/auth/login', burst: 20 });
      const v = verdicts(report);
      expect(v).toMatchObject(INSECURE_COMMON);
      // A JSON.parse error in a hand-written body parser becomes Koa's default 500.
      expect(v['errors.malformed-json']).toBe('fail/medium');
      expect(report.ok).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('passes the app behind koa-helmet, koa-ratelimit and validation', async () => {
    const app = await startKoa(HARDENED);
    try {
      const report = await probeApi({ url: app.url, spec: SPEC, login: '/auth/login', burst: 20 });
      expect(verdicts(report)).toMatchObject(HARDENED_COMMON);
      expect(report.rateLimit).toMatchObject({ limited: true, firstLimitedAfter: 6 });
      expect(report.rateLimit?.retryAfter).toMatch(/^\d+$/);
      expect(report.summary.failed).toBe(0);
      expect(report.ok).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('finds the login route in the spec when --login is not given', async () => {
    const app = await startKoa({ limiter: true });
    try {
      const report = await probeApi({ url: app.url, spec: LOGIN_SPEC, burst: 10, only: ['rate-limit'] });
      expect(report.rateLimit).toMatchObject({ route: 'POST /auth/login', limited: true, firstLimitedAfter: 6 });
      expect(verdicts(report)['rate-limit.limited']).toBe('pass/high');
    } finally {
      await app.close();
    }
  });
});
