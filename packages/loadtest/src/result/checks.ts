import type { ResolvedOptions } from '../options/types.js';
import type { ErrorCounts, RateLimitInfo } from '../stats/types.js';
import type { CheckResult } from './types.js';

/** `expectStatus`: every response carries one of the codes; transport errors count as offenders too. */
export function checkStatus(expected: number[], statusCodes: Record<string, number>, errors: ErrorCounts): CheckResult {
  const allowed = new Set(expected.map(String));
  const offenders: Record<string, number> = {};
  for (const [code, count] of Object.entries(statusCodes)) if (!allowed.has(code)) offenders[code] = count;
  for (const [kind, count] of Object.entries(errors)) if (count > 0) offenders[`error:${kind}`] = count;
  const bad = Object.values(offenders).reduce((a, b) => a + b, 0);
  const total = Object.values(statusCodes).reduce((a, b) => a + b, 0) + Object.values(errors).reduce((a, b) => a + b, 0);
  const list = expected.join(', ');
  if (total === 0 && bad === 0) return { name: 'expect-status', passed: false, message: `expected status ${list}, but no response arrived` };
  return bad === 0
    ? { name: 'expect-status', passed: true, message: `all ${total} responses had status ${list}` }
    : {
        name: 'expect-status',
        passed: false,
        message: `${bad} of ${total} requests did not get status ${list}: ${Object.entries(offenders)
          .map(([k, v]) => `${k} ×${v}`)
          .join(', ')}`,
        offenders,
      };
}

/** `expectRateLimit`: at least one 429. */
export function checkRateLimit(rateLimit: RateLimitInfo): CheckResult {
  if (!rateLimit.limited) return { name: 'expect-rate-limit', passed: false, message: 'no 429 response: the endpoint was not rate limited' };
  const headerNote = Object.keys(rateLimit.headers).length > 0 ? `with ${Object.keys(rateLimit.headers).join(', ')}` : 'without Retry-After or RateLimit-* headers';
  return {
    name: 'expect-rate-limit',
    passed: true,
    message: `rate limited after ${rateLimit.firstAfterRequests} requests (${rateLimit.firstAfterMs} ms${rateLimit.rateAtFirst ? `, ~${rateLimit.rateAtFirst} req/s` : ''}), ${headerNote}`,
  };
}

/** All checks the options asked for. */
export function runChecks(settings: ResolvedOptions, statusCodes: Record<string, number>, errors: ErrorCounts, rateLimit: RateLimitInfo): CheckResult[] {
  const checks: CheckResult[] = [];
  if (settings.expectStatus) {
    const expected = settings.expectRateLimit ? [...settings.expectStatus, 429] : settings.expectStatus;
    checks.push(checkStatus(expected, statusCodes, errors));
  }
  if (settings.expectRateLimit) checks.push(checkRateLimit(rateLimit));
  return checks;
}
