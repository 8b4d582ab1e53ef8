import { fileURLToPath } from 'node:url';
import type { ProbeReport } from '../../src/index.js';

export const SPEC = fileURLToPath(new URL('./fixtures/openapi.yaml', import.meta.url));

/** `id` or `id@route` → `status/severity` of every finding, for compact assertions. */
export function verdicts(report: ProbeReport): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of report.findings) {
    const key = f.category === 'validation' || f.category === 'cookies' ? `${f.id}@${f.route ?? ''}` : f.id;
    out[key] = `${f.status}/${f.severity}`;
  }
  return out;
}

/** The insecure variant's expected verdicts, common to the three frameworks. */
export const INSECURE_COMMON = {
  'cors.reflected-origin': 'fail/high',
  'cors.null-origin': 'fail/high',
  'rate-limit.limited': 'fail/high',
  'cookies.httponly@POST /auth/login': 'fail/high',
  'cookies.secure@POST /auth/login': 'fail/medium',
  'cookies.samesite@POST /auth/login': 'fail/low',
  'headers.csp': 'fail/medium',
  'headers.framing': 'fail/medium',
  'headers.nosniff': 'fail/low',
  'headers.api-nosniff': 'fail/medium',
  'headers.api-cache-control': 'fail/low',
  'validation.wrong-type@POST /users': 'fail/high',
  'validation.not-an-object@POST /users': 'fail/high',
  'validation.missing-required@POST /users': 'fail/high',
  'validation.bad-param@GET /users/{id}': 'fail/high',
  'validation.bad-param@GET /users': 'fail/high',
  'validation.oversized@POST /users': 'fail/medium',
  'validation.extra-field@POST /users': 'fail/medium',
} as const;

/** The hardened variant's expected verdicts, common to the three frameworks. */
export const HARDENED_COMMON = {
  'cors.reflected-origin': 'pass/medium',
  'cors.null-origin': 'pass/medium',
  'cors.wildcard-credentials': 'pass/medium',
  'rate-limit.limited': 'pass/high',
  'rate-limit.headers': 'pass/low',
  'cookies.httponly@POST /auth/login': 'pass/high',
  'cookies.secure@POST /auth/login': 'pass/medium',
  'cookies.samesite@POST /auth/login': 'pass/low',
  'headers.csp': 'pass/medium',
  'headers.framing': 'pass/medium',
  'headers.nosniff': 'pass/low',
  'headers.api-nosniff': 'pass/medium',
  'headers.api-cache-control': 'pass/low',
  'headers.x-powered-by': 'pass/low',
  'errors.not-found': 'pass/medium',
  'errors.malformed-json': 'pass/medium',
  'validation.wrong-type@POST /users': 'pass/medium',
  'validation.not-an-object@POST /users': 'pass/medium',
  'validation.missing-required@POST /users': 'pass/medium',
  'validation.bad-param@GET /users/{id}': 'pass/medium',
  'validation.bad-param@GET /users': 'pass/medium',
  'validation.oversized@POST /users': 'pass/medium',
  'validation.extra-field@POST /users': 'pass/medium',
  'validation.proto@POST /users': 'pass/medium',
} as const;

export const HARDENED = { helmet: true, limiter: true, validation: true, cors: 'allow-list', cookie: 'hardened' } as const;
export const INSECURE = { cors: 'reflect-credentials', cookie: 'bare' } as const;
