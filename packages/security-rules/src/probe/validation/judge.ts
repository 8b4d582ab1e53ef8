import { findLeak } from '../checks/leaks.js';
import type { ProbeResponse } from '../http/client.js';
import type { ProbeSeverity, ProbeStatus } from '../report/types.js';
import { EXTRA_FIELD, type ValidationCase } from './cases.js';

/** The verdict on one invalid request. */
export interface CaseVerdict {
  readonly status: ProbeStatus;
  readonly severity: ProbeSeverity;
  readonly reason: string;
}

/**
 * Judges one response to an invalid request: a 5xx or leaked internals is a high failure; a 2xx for a
 * wrong type, a missing required field, a non-object or an oversized body means the input was not validated;
 * an unknown field echoed back means it was kept (mass assignment); `__proto__` must not cause a 5xx.
 * 401/403/404/405/429 mean the case could not be judged (auth, route or limiter in the way).
 */
export function judgeCase(c: ValidationCase, res: ProbeResponse, additionalPropertiesFalse: boolean): CaseVerdict {
  const leak = findLeak(res.body);
  if (leak) return { status: 'fail', severity: 'high', reason: `${res.status} with server internals: "${leak}"` };
  if (res.status >= 500) return { status: 'fail', severity: 'high', reason: `server error ${res.status}` };
  if (c.kind === 'bad-param' && c.label.startsWith('query ') && [401, 403, 404, 405, 429].includes(res.status)) {
    return { status: 'skip', severity: 'info', reason: `${res.status}: route blocked or not served` };
  }
  if (c.kind === 'bad-param') {
    return res.status >= 400 ? { status: 'pass', severity: 'medium', reason: `${res.status}` } : { status: 'fail', severity: 'medium', reason: `${res.status}: a malformed path parameter was accepted` };
  }
  if (res.status === 401 || res.status === 403) return { status: 'skip', severity: 'info', reason: `${res.status}: blocked by authentication (pass --header "Authorization: …")` };
  if (res.status === 404 || res.status === 405) return { status: 'skip', severity: 'info', reason: `${res.status}: route not served` };
  if (res.status === 429) return { status: 'skip', severity: 'info', reason: '429: rate limited' };
  if (res.status >= 400) return { status: 'pass', severity: 'medium', reason: `${res.status}` };
  const echoed = res.body.includes(EXTRA_FIELD);
  switch (c.kind) {
    case 'extra-field':
      if (echoed) return { status: 'fail', severity: 'medium', reason: `${res.status}: the unknown field was stored and echoed back (mass assignment)` };
      return additionalPropertiesFalse
        ? { status: 'fail', severity: 'low', reason: `${res.status}: accepted although the schema says additionalProperties: false` }
        : { status: 'pass', severity: 'low', reason: `${res.status}: accepted and not echoed (ignored or stripped)` };
    case 'proto':
      return { status: 'pass', severity: 'medium', reason: `${res.status}: accepted without a server error` };
    case 'oversized':
      return { status: 'fail', severity: 'medium', reason: `${res.status}: a body this large was accepted (no body size limit)` };
    default:
      return { status: 'fail', severity: 'medium', reason: `${res.status}: invalid input was accepted` };
  }
}

/** Judges a case that got no HTTP answer: a closed connection rejects an oversized body; a timeout is a failure. */
export function judgeFailure(c: ValidationCase, err: Error): CaseVerdict {
  const timedOut = err.message.endsWith('timed out');
  if (timedOut) return { status: 'fail', severity: 'medium', reason: 'no answer before the timeout (the server hangs on this input)' };
  if (c.kind === 'oversized') return { status: 'pass', severity: 'medium', reason: 'the server closed the connection (rejected)' };
  return { status: 'skip', severity: 'info', reason: `no answer: ${err.message}` };
}
