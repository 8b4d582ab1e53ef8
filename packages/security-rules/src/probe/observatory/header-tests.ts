/**
 * The MDN HTTP Observatory's (algorithm v4) per-header tests, ported so that a probe of a loopback API
 * gets the same result names the Observatory would give. Each returns `[result, pass]`.
 */
import { cookieJar } from '../http/set-cookie.js';

type Verdict = readonly [result: string, pass: boolean];

const SIX_MONTHS = 15_552_000;

/** `x-content-type-options`. */
export function xContentTypeOptionsTest(value: string | undefined): Verdict {
  if (value === undefined) return ['x-content-type-options-not-implemented', false];
  return value.slice(0, 256).trim().toLowerCase() === 'nosniff'
    ? ['x-content-type-options-nosniff', true]
    : ['x-content-type-options-header-invalid', false];
}

/** `x-frame-options`, superseded by a CSP `frame-ancestors`. */
export function xFrameOptionsTest(value: string | undefined, cspHasFrameAncestors: boolean): Verdict {
  let result = 'x-frame-options-not-implemented';
  if (value !== undefined) {
    const xfo = value.slice(0, 1024).trim().toLowerCase();
    if (xfo === 'deny' || xfo === 'sameorigin') result = 'x-frame-options-sameorigin-or-deny';
    else if (xfo.startsWith('allow-from')) result = 'x-frame-options-allow-from-origin';
    else result = 'x-frame-options-header-invalid';
  }
  if (cspHasFrameAncestors) result = 'x-frame-options-implemented-via-csp';
  return [result, !result.endsWith('not-implemented') && !result.endsWith('invalid')];
}

const REFERRER_GOOD = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];
const REFERRER_BAD = ['origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade'];

/** `referrer-policy` (all values joined; the last valid token wins). */
export function referrerPolicyTest(values: readonly string[]): Verdict {
  if (values.length === 0) return ['referrer-policy-not-implemented', true];
  const valid = [...REFERRER_GOOD, ...REFERRER_BAD];
  const policy =
    values
      .join(', ')
      .split(',')
      .map((e) => e.toLowerCase().trim())
      .filter((e) => valid.includes(e))
      .at(-1) ?? '';
  if (REFERRER_GOOD.includes(policy)) return ['referrer-policy-private', true];
  if (REFERRER_BAD.includes(policy)) return ['referrer-policy-unsafe', false];
  return ['referrer-policy-header-invalid', false];
}

/** `cross-origin-resource-policy`. */
export function corpTest(value: string | undefined): Verdict {
  if (value === undefined) return ['corp-not-implemented', true];
  const corp = value.slice(0, 256).trim().toLowerCase();
  if (corp === 'same-site') return ['corp-implemented-with-same-site', true];
  if (corp === 'same-origin') return ['corp-implemented-with-same-origin', true];
  if (corp === 'cross-origin') return ['corp-implemented-with-cross-origin', true];
  return ['corp-header-invalid', false];
}

/** `strict-transport-security`: only meaningful over HTTPS. */
export function hstsTest(value: string | undefined, https: boolean): Verdict {
  if (!https) return ['hsts-not-implemented-no-https', false];
  if (value === undefined) return ['hsts-not-implemented', false];
  const data = value.slice(0, 1024);
  if (data.includes(',')) return ['hsts-header-invalid', false];
  const maxAge = data
    .split(';')
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('max-age='));
  const seconds = maxAge === undefined ? Number.NaN : Number.parseInt(maxAge.slice(8, 128), 10);
  if (maxAge === undefined) return ['hsts-header-invalid', false];
  return seconds < SIX_MONTHS ? ['hsts-implemented-max-age-less-than-six-months', false] : ['hsts-implemented-max-age-at-least-six-months', true];
}

/** Redirection from HTTP to HTTPS, judged on the first response of the base URL (redirects are not followed). */
export function redirectionTest(base: URL, status: number, location: string | undefined): Verdict {
  if (base.protocol === 'https:') return ['redirection-not-needed-no-http', true];
  if (status < 300 || status > 399 || location === undefined) return ['redirection-missing', false];
  let next: URL;
  try {
    next = new URL(location, base);
  } catch {
    return ['redirection-not-to-https', false];
  }
  if (next.protocol !== 'https:') return ['redirection-not-to-https', false];
  if (next.hostname !== base.hostname) return ['redirection-off-host-from-http', false];
  return ['redirection-to-https', true];
}

/** `cross-origin-resource-sharing` on a preflight sent with `origin`. */
export function corsTest(origin: string, acao: string | undefined, acac: string | undefined): Verdict {
  if (acao === undefined) return ['cross-origin-resource-sharing-not-implemented', true];
  const data = acao.slice(0, 256).trim().toLowerCase();
  if (data === '*') return ['cross-origin-resource-sharing-implemented-with-public-access', true];
  if (origin === acao && acac?.toLowerCase().trim() === 'true') return ['cross-origin-resource-sharing-implemented-with-universal-access', false];
  return ['cross-origin-resource-sharing-implemented-with-restricted-access', true];
}

const COOKIE_ORDER = [
  'cookies-without-secure-flag-but-protected-by-hsts',
  'cookies-without-secure-flag',
  'cookies-session-without-secure-flag-but-protected-by-hsts',
  'cookies-samesite-flag-invalid',
  'cookies-anticsrf-without-samesite-flag',
  'cookies-session-without-httponly-flag',
  'cookies-session-without-secure-flag',
];

/** `cookies`, on the `Set-Cookie` headers of the base response. */
export function cookiesTest(setCookies: readonly string[], hsts: boolean): Verdict {
  let result: string | undefined;
  const worse = (next: string): void => {
    if (result === undefined || COOKIE_ORDER.indexOf(next) > COOKIE_ORDER.indexOf(result)) result = next;
  };
  const jar = cookieJar(setCookies);
  if (jar.some((c) => c.sameSite === 'invalid')) worse('cookies-samesite-flag-invalid');
  if (jar.length === 0) return ['cookies-not-found', true];
  let missingSameSite = false;
  for (const cookie of jar) {
    const name = cookie.name.toLowerCase();
    const session = name.includes('login') || name.includes('sess');
    const sameSite = cookie.sameSite === 'invalid' ? undefined : cookie.sameSite;
    if (!cookie.secure && sameSite === 'none') worse('cookies-samesite-flag-invalid');
    if (!cookie.secure) worse(hsts ? 'cookies-without-secure-flag-but-protected-by-hsts' : 'cookies-without-secure-flag');
    if (name.includes('csrf') && !sameSite) worse('cookies-anticsrf-without-samesite-flag');
    if (session && !cookie.secure) worse(hsts ? 'cookies-session-without-secure-flag-but-protected-by-hsts' : 'cookies-session-without-secure-flag');
    if (session && !cookie.httpOnly) worse('cookies-session-without-httponly-flag');
    if (!sameSite) missingSameSite = true;
  }
  result ??= missingSameSite ? 'cookies-secure-with-httponly-sessions' : 'cookies-secure-with-httponly-sessions-and-samesite';
  return [result, result.startsWith('cookies-secure-with-httponly')];
}

/** `subresource-integrity` on the body of an HTML response (`<script src>` without `integrity`). */
export function sriTest(html: boolean, body: string, base: URL): Verdict {
  if (!html) return ['sri-not-implemented-response-not-html', true];
  const scripts = [...body.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1] ?? '');
  if (scripts.length === 0) return ['sri-not-implemented-but-no-scripts-loaded', true];
  let result: string | undefined;
  let foreign = false;
  const order = ['sri-implemented-and-all-scripts-loaded-securely', 'sri-implemented-and-external-scripts-loaded-securely', 'sri-implemented-but-external-scripts-not-loaded-securely', 'sri-not-implemented-but-external-scripts-loaded-securely', 'sri-not-implemented-and-external-scripts-not-loaded-securely'];
  const worse = (next: string): void => {
    if (result === undefined || order.indexOf(next) > order.indexOf(result)) result = next;
  };
  for (const attrs of scripts) {
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (!src) continue;
    const integrity = /\bintegrity\s*=/i.test(attrs);
    const full = /^https?:\/\//i.test(src);
    const relativeProtocol = /^\/\/[^/]/.test(src);
    const sameHost = full ? safeHost(src) === base.hostname : !relativeProtocol;
    const secureScheme = full ? src.toLowerCase().startsWith('https:') : !relativeProtocol && base.protocol === 'https:';
    if (relativeProtocol || !sameHost) {
      foreign = true;
      if (integrity && !secureScheme) worse('sri-implemented-but-external-scripts-not-loaded-securely');
      else if (!integrity && secureScheme) worse('sri-not-implemented-but-external-scripts-loaded-securely');
      else if (!integrity) worse('sri-not-implemented-and-external-scripts-not-loaded-securely');
    } else if (integrity && secureScheme && result === undefined) result = 'sri-implemented-and-all-scripts-loaded-securely';
  }
  result ??= foreign ? 'sri-implemented-and-external-scripts-loaded-securely' : 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin';
  return [result, !['sri-implemented-but-external-scripts-not-loaded-securely', 'sri-not-implemented-but-external-scripts-loaded-securely', 'sri-not-implemented-and-external-scripts-not-loaded-securely'].includes(result)];
}

function safeHost(src: string): string {
  try {
    return new URL(src).hostname;
  } catch {
    return '';
  }
}
