import { header, type ProbeResponse } from '../http/client.js';
import type { CspVerdict } from '../observatory/csp-test.js';
import type { ProbeEvidence, ProbeFinding, ProbeSeverity } from '../report/types.js';

/** What the base URL served: decides which header rules apply. */
export type ContentKind = 'html' | 'json' | 'other';

const SECURITY_HEADERS = [
  'content-type', 'content-security-policy', 'x-frame-options', 'x-content-type-options', 'cache-control',
  'referrer-policy', 'strict-transport-security', 'x-powered-by', 'server', 'cross-origin-resource-policy',
];

/** Classifies a media type: HTML documents get CSP/framing rules, JSON APIs get nosniff/cache rules. */
export function contentKind(media: string): ContentKind {
  if (media === 'text/html' || media === 'application/xhtml+xml') return 'html';
  if (media === 'application/json' || media.endsWith('+json')) return 'json';
  return 'other';
}

/** Header rules for one response, graded by what it serves. */
export function headerFindings(res: ProbeResponse, kind: ContentKind, csp: CspVerdict, https: boolean, evidence: Omit<ProbeEvidence, 'responseHeaders'>): ProbeFinding[] {
  const shown: Record<string, string> = {};
  for (const name of SECURITY_HEADERS) {
    const value = header(res, name);
    if (value !== undefined) shown[name] = value;
  }
  const ev = [{ ...evidence, responseHeaders: shown }];
  const out: ProbeFinding[] = [];
  const add = (id: string, title: string, severity: ProbeSeverity, ok: boolean, detail: string, fix: string, cwe?: string): void => {
    out.push({ id, category: 'headers', title, severity, status: ok ? 'pass' : 'fail', detail, ...(ok ? {} : { fix, evidence: ev }), ...(cwe ? { cwe } : {}) });
  };
  const nosniff = header(res, 'x-content-type-options')?.trim().toLowerCase() === 'nosniff';
  add('headers.nosniff', 'X-Content-Type-Options: nosniff', kind === 'json' ? 'medium' : 'low', nosniff,
    nosniff ? 'nosniff is sent.' : `no "X-Content-Type-Options: nosniff" on a ${kind} response: a browser may sniff it as HTML or script.`,
    'Send X-Content-Type-Options: nosniff on every response (helmet, @fastify/helmet and koa-helmet do by default).', 'CWE-693');

  if (kind === 'html') {
    const hasCsp = csp.directives !== undefined;
    add('headers.csp', 'Content-Security-Policy on HTML', 'medium', hasCsp && !csp.unsafeInline,
      !hasCsp ? `no valid Content-Security-Policy (${csp.result}).` : csp.unsafeInline ? "the policy allows inline or broad script sources ('unsafe-inline', data:, *, https:)." : `policy present (${csp.result}).`,
      "Send a Content-Security-Policy with script-src 'self' (or nonces) and object-src 'none'; never 'unsafe-inline' for scripts.", 'CWE-1021');
    const framed = csp.antiClickjacking || /^(deny|sameorigin)$/i.test(header(res, 'x-frame-options')?.trim() ?? '');
    add('headers.framing', 'Clickjacking protection (frame-ancestors / X-Frame-Options)', 'medium', framed,
      framed ? 'framing is restricted.' : 'neither CSP frame-ancestors nor X-Frame-Options DENY/SAMEORIGIN: any site can frame this page.',
      "Send Content-Security-Policy: frame-ancestors 'none' (or 'self'), and X-Frame-Options: DENY for old browsers.", 'CWE-1021');
  } else if (kind === 'json') {
    const cache = header(res, 'cache-control')?.toLowerCase() ?? '';
    const noStore = /no-store|private/.test(cache);
    add('headers.cache-control', 'Cache-Control on API responses', 'low', noStore,
      noStore ? `Cache-Control: ${cache}.` : `Cache-Control is ${cache ? `"${cache}"` : 'absent'}: a shared cache may keep user data.`,
      'Send Cache-Control: no-store on API responses that carry user data.', 'CWE-525');
    const locked = csp.directives?.get('default-src')?.has("'none'") === true || csp.directives?.has('frame-ancestors') === true;
    add('headers.api-csp', "CSP default-src 'none' on JSON", 'info', locked,
      locked ? 'the JSON response carries a locked-down policy.' : "no CSP on the JSON response; \"default-src 'none'; frame-ancestors 'none'\" costs nothing and blocks rendering it as a page.",
      "Send Content-Security-Policy: default-src 'none'; frame-ancestors 'none' on API responses.");
  }

  const powered = header(res, 'x-powered-by');
  add('headers.x-powered-by', 'No X-Powered-By', 'low', powered === undefined,
    powered === undefined ? 'not sent.' : `X-Powered-By: ${powered} tells an attacker the framework.`,
    "Express: app.disable('x-powered-by') or helmet(); Koa/Fastify do not send it unless you do.", 'CWE-200');
  const server = header(res, 'server');
  const versioned = server !== undefined && /\d/.test(server);
  add('headers.server-version', 'No version in Server', 'low', !versioned,
    versioned ? `Server: ${server} discloses a version.` : 'no version disclosed.', 'Remove the version from the Server header at the proxy.', 'CWE-200');
  if (https) {
    const hsts = header(res, 'strict-transport-security');
    const maxAge = Number(/max-age=(\d+)/i.exec(hsts ?? '')?.[1] ?? 0);
    add('headers.hsts', 'Strict-Transport-Security', 'medium', maxAge >= 15_552_000,
      hsts ? `Strict-Transport-Security: ${hsts}.` : 'no HSTS over HTTPS.', 'Send Strict-Transport-Security: max-age=31536000; includeSubDomains.', 'CWE-319');
  } else {
    out.push({ id: 'headers.hsts', category: 'headers', title: 'Strict-Transport-Security', severity: 'info', status: 'skip', detail: 'the target is plain HTTP; check HSTS where TLS ends (proxy or load balancer).' });
  }
  return out;
}

/**
 * The JSON rules on an API route, when the base URL served something else (an HTML page, a 404): nosniff
 * and Cache-Control on the first JSON response the other probes got (`route` says which).
 */
export function apiHeaderFindings(res: ProbeResponse, route: string, url: string): ProbeFinding[] {
  const nosniff = header(res, 'x-content-type-options')?.trim().toLowerCase() === 'nosniff';
  const cache = header(res, 'cache-control')?.toLowerCase() ?? '';
  const noStore = /no-store|private/.test(cache);
  const evidence = [{ method: route.split(' ')[0] ?? 'GET', url, status: res.status, responseHeaders: { 'content-type': header(res, 'content-type') ?? '', ...(cache ? { 'cache-control': cache } : {}) } }];
  return [
    {
      id: 'headers.api-nosniff', category: 'headers', route, title: 'X-Content-Type-Options: nosniff on API responses', severity: 'medium', cwe: 'CWE-693',
      status: nosniff ? 'pass' : 'fail',
      detail: nosniff ? 'nosniff is sent.' : 'a JSON response without "X-Content-Type-Options: nosniff": a browser may sniff it as HTML or script.',
      ...(nosniff ? {} : { fix: 'Send X-Content-Type-Options: nosniff on every response, API routes included.', evidence }),
    },
    {
      id: 'headers.api-cache-control', category: 'headers', route, title: 'Cache-Control on API responses', severity: 'low', cwe: 'CWE-525',
      status: noStore ? 'pass' : 'fail',
      detail: noStore ? `Cache-Control: ${cache}.` : `Cache-Control is ${cache ? `"${cache}"` : 'absent'} on a JSON response: a shared cache may keep user data.`,
      ...(noStore ? {} : { fix: 'Send Cache-Control: no-store on API responses that carry user data.', evidence }),
    },
  ];
}
