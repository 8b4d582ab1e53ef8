import { parseSetCookie, type SentCookie } from '../http/set-cookie.js';
import type { ProbeFinding, ProbeSeverity } from '../report/types.js';

/** `Set-Cookie` headers seen on one route during the probe. */
export interface CookieSighting {
  readonly route: string;
  readonly setCookie: readonly string[];
}

const SESSION_NAME = /sess|sid|token|auth|login|jwt|remember|csrf|xsrf/i;

/**
 * Judges every cookie the target actually sent (not what the code seems to set): session-like cookies
 * (names with sess, sid, token, auth, login, jwt, csrf) need HttpOnly and Secure; every cookie needs a valid
 * SameSite, and SameSite=None needs Secure or browsers drop it.
 */
export function cookieFindings(sightings: readonly CookieSighting[]): ProbeFinding[] {
  const seen = new Map<string, { cookie: SentCookie; route: string }>();
  for (const { route, setCookie } of sightings) {
    for (const raw of setCookie) {
      const cookie = parseSetCookie(raw);
      if (cookie.name && !cookie.deletion && !seen.has(cookie.name)) seen.set(cookie.name, { cookie, route });
    }
  }
  if (seen.size === 0) {
    return [{ id: 'cookies.flags', category: 'cookies', title: 'Cookie flags', severity: 'info', status: 'skip', detail: 'no Set-Cookie was seen on the probed routes (pass --login to probe a login response).' }];
  }
  const out: ProbeFinding[] = [];
  for (const { cookie, route } of seen.values()) {
    const session = SESSION_NAME.test(cookie.name);
    const csrf = /csrf|xsrf/i.test(cookie.name);
    const base = { category: 'cookies' as const, route, cwe: 'CWE-1004' };
    const ev = [{ method: route.split(' ')[0] ?? 'GET', url: route.split(' ')[1] ?? route, responseHeaders: { 'set-cookie': cookie.raw } }];
    const add = (id: string, title: string, severity: ProbeSeverity, ok: boolean, detail: string, fix: string, cwe: string): void => {
      out.push({ ...base, id, title: `${title}: ${cookie.name}`, severity, status: ok ? 'pass' : 'fail', detail, cwe, ...(ok ? {} : { fix, evidence: ev }) });
    };
    if (session && !csrf) {
      add('cookies.httponly', 'Session cookie is HttpOnly', 'high', cookie.httpOnly,
        cookie.httpOnly ? 'HttpOnly is set.' : 'no HttpOnly: any injected script can read and steal this session cookie.',
        'Set HttpOnly on session cookies (res.cookie(name, value, { httpOnly: true })).', 'CWE-1004');
    }
    add('cookies.secure', 'Cookie is Secure', session ? 'medium' : 'low', cookie.secure,
      cookie.secure ? 'Secure is set.' : 'no Secure flag: the browser also sends it over plain HTTP, where it can be read on the wire.',
      'Set Secure on every cookie (it still works on http://localhost in current browsers).', 'CWE-614');
    const sameSiteOk = cookie.sameSite !== undefined && cookie.sameSite !== 'invalid' && !(cookie.sameSite === 'none' && !cookie.secure);
    add('cookies.samesite', 'Cookie has a valid SameSite', cookie.sameSite === 'none' && !cookie.secure ? 'medium' : session ? 'low' : 'info', sameSiteOk,
      sameSiteOk
        ? `SameSite=${cookie.sameSite}.`
        : cookie.sameSite === 'invalid'
          ? 'the SameSite attribute has no valid value (Strict, Lax or None).'
          : cookie.sameSite === 'none'
            ? 'SameSite=None without Secure: browsers reject the cookie.'
            : 'no SameSite: older browsers send it on cross-site requests (CSRF).',
      'Set SameSite=Lax (or Strict) explicitly.', 'CWE-352');
  }
  return out;
}
