import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { followConst, objectProperty } from '../symbols/declarations.js';

interface CookieSite {
  readonly at: Node;
  readonly opts: Node | undefined;
  /** Where to add options when there is no object literal. */
  readonly after: Node | undefined;
  readonly defaults: { httpOnly: boolean; secure: boolean };
  readonly what: string;
}

function sites(ctx: RuleContext): CookieSite[] {
  const out: CookieSite[] = [];
  for (const call of ctx.calls.callsNamed(new Set(['cookie', 'setCookie', 'set']))) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const args = call.getArguments();
    const name = callee.getName();
    const recv = callee.getExpression().getText();
    if (name === 'set' && !/\.cookies$/.test(recv)) continue;
    if (args.length < 2) continue;
    if (name === 'cookie' && !/^(?:res|response|reply)$|\.res$/.test(recv)) continue;
    const what = name === 'set' ? 'ctx.cookies.set()' : `${recv}.${name}()`;
    // Koa cookies are httpOnly by default; Express and @fastify/cookie cookies are not.
    out.push({ at: call, opts: args[2], after: args[1], defaults: { httpOnly: name === 'set', secure: false }, what });
  }
  for (const { call } of ctx.calls.callsTo(['express-session', 'cookie-session', '@fastify/session', '@fastify/secure-session', 'koa-session'])) {
    const opts = followConst(call.getArguments()[0]);
    if (!opts || !Node.isObjectLiteralExpression(opts)) continue;
    const cookie = objectProperty(opts, 'cookie');
    out.push({ at: cookie ?? call, opts: cookie ?? (/cookie-session|koa-session/.test(call.getText()) ? opts : undefined), after: undefined, defaults: { httpOnly: true, secure: false }, what: 'session cookie' });
  }
  return out;
}

/** Cookies set without `httpOnly`, `secure` or `sameSite` (or with them turned off). */
export const insecureCookie: Rule = {
  meta: {
    id: 'insecure-cookie',
    title: 'Cookie without Secure/HttpOnly/SameSite',
    description: 'A cookie (or the session cookie) is set without httpOnly (readable by injected scripts), secure (sent over plain HTTP) or sameSite (sent on cross-site requests, enabling CSRF).',
    severity: 'medium',
    confidence: 'taint-confirmed',
    cwe: [614, 1004, 1275],
    owasp: 'A05:2021-Security Misconfiguration',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const site of sites(ctx)) {
      const opts = followConst(site.opts);
      if (site.opts !== undefined && !(opts && Node.isObjectLiteralExpression(opts))) continue;
      const flag = (k: string, def: boolean): boolean => {
        const v = objectProperty(opts, k);
        return v === undefined ? def : v.getText() !== 'false';
      };
      const missing: string[] = [];
      if (!flag('httpOnly', site.defaults.httpOnly)) missing.push('httpOnly: true');
      if (!flag('secure', site.defaults.secure)) missing.push('secure: true');
      if (objectProperty(opts, 'sameSite') === undefined) missing.push("sameSite: 'lax'");
      if (missing.length === 0) continue;
      const onlyAdd = missing.every((m) => objectProperty(opts, m.split(':')[0] ?? '') === undefined);
      let fix: RawFinding['fix'];
      if (onlyAdd && opts && Node.isObjectLiteralExpression(opts) && opts === site.opts) {
        const at = opts.getStart() + 1;
        fix = { description: `Add ${missing.join(', ')}`, edits: [{ node: opts, text: ` ${missing.join(', ')},`, start: at, end: at }] };
      } else if (site.opts === undefined && site.after) {
        fix = { description: `Add ${missing.join(', ')}`, edits: [{ node: site.after, text: `, { ${missing.join(', ')} }`, start: site.after.getEnd(), end: site.after.getEnd() }] };
      }
      yield { node: site.at, message: `${site.what} without ${missing.join(', ')}`, ...(fix ? { fix } : {}) };
    }
  },
};
