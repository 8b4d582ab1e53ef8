import { describe, expect, it } from 'vitest';
import { cookieFindings } from '../../src/probe/checks/cookies.js';
import { findLeak } from '../../src/probe/checks/leaks.js';
import { cookieJar, parseSetCookie } from '../../src/probe/http/set-cookie.js';

describe('set-cookie', () => {
  it('reads flags case-insensitively and hides the value', () => {
    expect(parseSetCookie('sid=s3cr3t; path=/; HTTPONLY; secure; SameSite=LAX')).toMatchObject({ name: 'sid', httpOnly: true, secure: true, sameSite: 'lax', path: '/', raw: 'sid=…; path=/; HTTPONLY; secure; SameSite=LAX' });
    expect(parseSetCookie('a=1; SameSite').sameSite).toBe('invalid');
    expect(parseSetCookie('a=1; SameSite=Sometimes').sameSite).toBe('invalid');
  });

  it('drops deletions and keeps the last cookie of a name', () => {
    expect(cookieJar(['a=1', 'b=2; Max-Age=0', 'c=3; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'a=2; Secure']).map((c) => [c.name, c.secure])).toEqual([['a', true]]);
  });

  it('fails a session cookie without HttpOnly as high and skips when no cookie was sent', () => {
    const findings = cookieFindings([{ route: 'POST /login', setCookie: ['connect.sid=x; Path=/; SameSite=None'] }]);
    expect(findings.map((f) => `${f.id} ${f.status}/${f.severity}`)).toEqual(['cookies.httponly fail/high', 'cookies.secure fail/medium', 'cookies.samesite fail/medium']);
    expect(cookieFindings([{ route: 'GET /', setCookie: [] }])).toMatchObject([{ id: 'cookies.flags', status: 'skip' }]);
  });
});

describe('leak detection', () => {
  it.each([
    ['a V8 stack frame', 'TypeError: x\n    at handler (/app/src/routes.ts:12:5)'],
    ['a JSON-escaped stack', '{"stack":"Error: boom\\n    at Object.<anonymous> (/srv/app.js:3:9)"}'],
    ['an Express HTML error page', '<pre>SyntaxError: Unexpected end<br> &nbsp; &nbsp;at JSON.parse (&lt;anonymous&gt;)<br> &nbsp; &nbsp;at parse (/app/node_modules/body-parser/lib/types/json.js:92:19)</pre>'],
    ['a PostgreSQL error', '{"error":"syntax error at or near \\"\'\\""}'],
  ])('finds %s', (_name, body) => {
    expect(findLeak(body)).toBeDefined();
  });

  it.each([
    ['a plain validation error', '{"error":"email must be a string"}'],
    ['prose with "at"', 'Meet us at the venue at 10:30:00 today'],
  ])('does not flag %s', (_name, body) => {
    expect(findLeak(body)).toBeUndefined();
  });
});
