import { header, headerValues, mediaType, type ProbeResponse } from '../http/client.js';
import type { ObservatoryGrade, ObservatoryTest } from '../report/types.js';
import { cspTest, type CspVerdict } from './csp-test.js';
import { corpTest, cookiesTest, corsTest, hstsTest, redirectionTest, referrerPolicyTest, sriTest, xContentTypeOptionsTest, xFrameOptionsTest } from './header-tests.js';
import { metaPolicies } from './meta-tags.js';
import { SCORE_MODIFIERS } from './score-table.js';
import { isLoopbackHost } from '../target/loopback.js';

/** What the Observatory algorithm looks at. */
export interface ObservatoryInput {
  readonly base: URL;
  /** The base URL's response to a browser-like GET. */
  readonly response: ProbeResponse;
  /** The response to a CORS preflight (OPTIONS) sent with `origin`. */
  readonly preflight: ProbeResponse | undefined;
  readonly origin: string;
}

const GRADES: readonly [number, string][] = [
  [100, 'A+'], [90, 'A'], [85, 'A-'], [80, 'B+'], [70, 'B'], [65, 'B-'], [60, 'C+'], [50, 'C'], [45, 'C-'], [40, 'D+'], [30, 'D'], [25, 'D-'], [0, 'F'],
];
const EXTRA_CREDIT_FROM = 90;
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The grade letter the Observatory gives a score. */
export function gradeForScore(score: number): string {
  return GRADES.find(([min]) => Math.max(score, 0) >= min)?.[1] ?? 'F';
}

/**
 * Scores a response with the MDN HTTP Observatory's algorithm (v4): ten tests, each a score modifier; start
 * at 100, bonuses count only when the score without them is at least 90. Over plain HTTP the HSTS and
 * HTTP→HTTPS redirection tests fail (-20 each) exactly as the Observatory's would; on a plain-HTTP loopback
 * target they are also left out of `applicable`, the score over the tests that can be judged there.
 *
 * @example
 * const grade = observatoryGrade({ base, response, preflight, origin });
 * grade.score; // e.g. 60
 */
export function observatoryGrade(input: ObservatoryInput): { grade: ObservatoryGrade; csp: CspVerdict } {
  const { response: res, base } = input;
  const https = base.protocol === 'https:';
  const html = HTML_TYPES.has(mediaType(res));
  const meta = html ? metaPolicies(res.body) : { csp: [], referrer: [] };
  const csp = cspTest(headerValues(res, 'content-security-policy'), meta.csp, header(res, 'content-security-policy-report-only'), https);
  const hsts = hstsTest(header(res, 'strict-transport-security'), https);
  const results: Record<string, readonly [string, boolean]> = {
    'content-security-policy': [csp.result, csp.pass],
    cookies: cookiesTest(headerValues(res, 'set-cookie'), hsts[1]),
    'cross-origin-resource-sharing': corsTest(
      input.origin,
      input.preflight && header(input.preflight, 'access-control-allow-origin'),
      input.preflight && header(input.preflight, 'access-control-allow-credentials'),
    ),
    redirection: redirectionTest(base, res.status, header(res, 'location')),
    'referrer-policy': referrerPolicyTest([...headerValues(res, 'referrer-policy'), ...meta.referrer]),
    'strict-transport-security': hsts,
    'subresource-integrity': sriTest(html, res.body, base),
    'x-content-type-options': xContentTypeOptionsTest(header(res, 'x-content-type-options')),
    'x-frame-options': xFrameOptionsTest(header(res, 'x-frame-options'), csp.directives?.has('frame-ancestors') ?? false),
    'cross-origin-resource-policy': corpTest(header(res, 'cross-origin-resource-policy')),
  };
  const tests: Record<string, ObservatoryTest> = {};
  for (const [name, [result, pass]] of Object.entries(results)) tests[name] = { result, pass, scoreModifier: SCORE_MODIFIERS[result] ?? 0 };
  const all = scoreTests(Object.values(tests));
  // Plain HTTP on this machine: TLS is not there yet (or is terminated by a proxy in front), so HSTS and the
  // HTTP→HTTPS redirect cannot be judged here. They are graded again when the target is HTTPS or remote.
  const notApplicable = !https && isLoopbackHost(base.hostname) ? PLAIN_HTTP_ONLY.filter((name) => !tests[name]?.pass) : [];
  const applies = scoreTests(Object.entries(tests).filter(([name]) => !notApplicable.includes(name)).map(([, t]) => t));
  return {
    grade: { algorithmVersion: 4, ...all, tests, notApplicable, applicable: applies },
    csp,
  };
}

const PLAIN_HTTP_ONLY = ['strict-transport-security', 'redirection'];

/** The Observatory's scoring over some tests: start at 100, bonuses only when the score without them is at least 90. */
function scoreTests(tests: readonly ObservatoryTest[]): { score: number; grade: string; testsPassed: number; testsFailed: number } {
  let withCredit = 100;
  let uncurved = 100;
  let passed = 0;
  for (const t of tests) {
    withCredit += t.scoreModifier;
    if (t.scoreModifier < 0) uncurved += t.scoreModifier;
    if (t.pass) passed += 1;
  }
  const score = Math.max(uncurved >= EXTRA_CREDIT_FROM ? withCredit : uncurved, 0);
  return { score, grade: gradeForScore(score), testsPassed: passed, testsFailed: tests.length - passed };
}
