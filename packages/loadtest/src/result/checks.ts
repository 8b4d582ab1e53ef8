import type { ResolvedOptions } from '../options/types.js';
import type { ErrorClass, ErrorCounts, RateLimitInfo } from '../stats/types.js';
import type { CheckResult } from './types.js';

/** Error classes in words, as the one-line verdicts print them. */
export const ERROR_WORDS: Record<ErrorClass, string> = {
  refused: 'connection refused',
  reset: 'connection reset',
  timeout: 'timed out',
  parse: 'not a valid HTTP response',
  tls: 'TLS handshake failed',
  other: 'other error',
};

const list = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ');

/** Transport errors by class in words: `{ 'connection refused': 7390 }`. */
export function errorsInWords(errors: ErrorCounts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [kind, count] of Object.entries(errors) as [ErrorClass, number][]) if (count > 0) out[ERROR_WORDS[kind]] = count;
  return out;
}

/** What failed: transport errors by class, plus 5xx responses unless the caller decides statuses (`expectStatus`). */
export function failures(settings: ResolvedOptions, statusCodes: Record<string, number>, errors: ErrorCounts): Record<string, number> {
  const out = errorsInWords(errors);
  if (settings.expectStatus === undefined) {
    for (const [code, count] of Object.entries(statusCodes)) if (Number(code) >= 500) out[`status ${code}`] = count;
  }
  return out;
}

/**
 * `responses`: at least one request got a response. Its message is the whole verdict of a dead target:
 * `no response from http://127.0.0.1:3999/: connection refused ×7390`.
 */
export function checkResponses(url: string, responses: number, errors: ErrorCounts): CheckResult {
  if (responses > 0) return { name: 'responses', passed: true, message: `${responses} responses` };
  const what = list(errorsInWords(errors));
  return { name: 'responses', passed: false, message: `no response from ${url}${what ? `: ${what}` : ': no request completed'}`, offenders: errorsInWords(errors) };
}

/** `max-error-rate`: at most `maxErrorRate` of the completed requests failed. */
export function checkErrorRate(maxErrorRate: number, completed: number, failed: Record<string, number>): CheckResult {
  const count = Object.values(failed).reduce((a, b) => a + b, 0);
  const rate = completed > 0 ? count / completed : 0;
  const pct = (x: number): string => `${(x * 100).toFixed(x < 0.1 && x > 0 ? 2 : 1).replace(/\.?0+$/, '')}%`;
  const max = pct(maxErrorRate);
  if (rate <= maxErrorRate) return { name: 'max-error-rate', passed: true, message: `${count} of ${completed} requests failed (${pct(rate)}, max ${max})` };
  return { name: 'max-error-rate', passed: false, message: `${count} of ${completed} requests failed (${pct(rate)}, max ${max}): ${list(failed)}`, offenders: failed };
}

/** `expectStatus`: every response carries one of the codes; transport errors count as offenders too. */
export function checkStatus(expected: number[], statusCodes: Record<string, number>, errors: ErrorCounts): CheckResult {
  const allowed = new Set(expected.map(String));
  const offenders: Record<string, number> = {};
  for (const [code, count] of Object.entries(statusCodes)) if (!allowed.has(code)) offenders[code] = count;
  for (const [kind, count] of Object.entries(errors)) if (count > 0) offenders[`error:${kind}`] = count;
  const bad = Object.values(offenders).reduce((a, b) => a + b, 0);
  const total = Object.values(statusCodes).reduce((a, b) => a + b, 0) + Object.values(errors).reduce((a, b) => a + b, 0);
  const codes = expected.join(', ');
  if (total === 0 && bad === 0) return { name: 'expect-status', passed: false, message: `expected status ${codes}, but no response arrived` };
  return bad === 0
    ? { name: 'expect-status', passed: true, message: `all ${total} responses had status ${codes}` }
    : {
        name: 'expect-status',
        passed: false,
        message: `${bad} of ${total} requests did not get status ${codes}: ${Object.entries(offenders)
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

/** The raw counts the checks read. */
export interface CheckInput {
  url: string;
  completed: number;
  responses: number;
  statusCodes: Record<string, number>;
  errors: ErrorCounts;
  rateLimit: RateLimitInfo;
}

/**
 * Every check of a run: a response arrived, failures within `maxErrorRate`, then what the options asked for.
 * With no response at all only the `responses` check is reported: nothing else can be judged.
 */
export function runChecks(settings: ResolvedOptions, input: CheckInput): CheckResult[] {
  const responses = checkResponses(input.url, input.responses, input.errors);
  if (!responses.passed && input.completed > 0) return [responses];
  const checks: CheckResult[] = [checkErrorRate(settings.maxErrorRate, input.completed, failures(settings, input.statusCodes, input.errors))];
  if (settings.expectStatus) {
    const expected = settings.expectRateLimit ? [...settings.expectStatus, 429] : settings.expectStatus;
    checks.push(checkStatus(expected, input.statusCodes, input.errors));
  }
  if (settings.expectRateLimit) checks.push(checkRateLimit(input.rateLimit));
  return checks;
}
