import { describe, expect, it } from 'vitest';
import { probeApi } from '../../src/index.js';
import { startFastify } from './apps/fastify.js';
import { HARDENED, HARDENED_COMMON, INSECURE, INSECURE_COMMON, SPEC, verdicts } from './verdicts.js';

describe('probe of a Fastify 5 app', () => {
  it('fails the app without helmet, limiter or schemas', async () => {
    const app = await startFastify(INSECURE);
    try {
      const report = await probeApi({ url: app.url, spec: SPEC, login: '/auth/login', burst: 20 });
      const v = verdicts(report);
      expect(v).toMatchObject(INSECURE_COMMON);
      // Fastify's own parser answers 400 to malformed JSON and rejects __proto__ keys (secure-json-parse).
      expect(v['errors.malformed-json']).toBe('pass/medium');
      expect(v['validation.proto@POST /users']).toBe('pass/medium');
      expect(report.ok).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('passes the app behind @fastify/helmet, @fastify/rate-limit and route schemas', async () => {
    const app = await startFastify(HARDENED);
    try {
      const report = await probeApi({ url: app.url, spec: SPEC, login: '/auth/login', burst: 20 });
      expect(verdicts(report)).toMatchObject(HARDENED_COMMON);
      expect(report.rateLimit).toMatchObject({ limited: true, retryAfter: '60' });
      expect(report.rateLimit?.headers).toHaveProperty('x-ratelimit-limit', '5');
      expect(report.summary.failed).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('bursts a given route when there is no login route', async () => {
    const app = await startFastify({ helmet: true });
    try {
      const phases = new Set<string>();
      const report = await probeApi({ url: app.url, rateLimitRoute: 'GET /', burst: 10, only: ['rate-limit'] }, { onProgress: (p) => phases.add(p.phase) });
      // Only the base GET (phase headers) and the burst: no CORS probe, since --only leaves out cors and headers.
      expect([...phases]).toEqual(['headers', 'rate-limit']);
      expect(verdicts(report)).toMatchObject({ 'rate-limit.limited': 'fail/medium' });
      expect(report.rateLimit).toMatchObject({ route: 'GET /', limited: false, requests: 11, statusCodes: { '200': 11 } });
      expect(report.ok).toBe(true);
    } finally {
      await app.close();
    }
  });
});
