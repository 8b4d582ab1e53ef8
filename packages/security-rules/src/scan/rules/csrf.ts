import { Node, type SourceFile } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import type { Container } from '../routes/types.js';
import { followConst, objectProperty, stringValue } from '../symbols/declarations.js';
import { refOf } from '../symbols/module-ref.js';

const SESSIONS = ['express-session', 'cookie-session', 'koa-session', 'koa-generic-session', '@fastify/session', '@fastify/secure-session', 'fastify-session'];
const CSRF = ['csurf', 'csrf-csrf', 'csrf-sync', 'lusca', '@fastify/csrf-protection', 'fastify-csrf', 'koa-csrf', 'tiny-csrf', 'csrf'];
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `sameSite: 'strict'` (or `true`) on the session cookie: browsers never send it on cross-site requests. */
function strictCookie(opts: Node | undefined): boolean {
  const o = followConst(opts);
  const cookie = followConst(objectProperty(o, 'cookie')) ?? o;
  const same = objectProperty(cookie, 'sameSite');
  return same !== undefined && (stringValue(same)?.toLowerCase() === 'strict' || same.getText() === 'true');
}

/** An Origin / Referer / Sec-Fetch-Site check anywhere in the app. */
const ORIGIN_CHECK = /(?:headers\s*(?:\.|\[\s*['"])(?:origin|referer|sec-fetch-site)|\.get\(\s*['"](?:origin|referer|sec-fetch-site)['"]|\.header\(\s*['"](?:origin|referer)['"])/i;

/** Cookie/session authentication with state-changing routes and no CSRF defence (token middleware, SameSite=strict, origin check). */
export const csrf: Rule = {
  meta: {
    id: 'csrf',
    title: 'Cookie-authenticated state changes without CSRF protection',
    description: 'The app keeps users logged in with a session cookie and has POST/PUT/PATCH/DELETE routes, but has no CSRF defence: no token middleware (csurf, csrf-csrf, lusca, @fastify/csrf-protection, koa-csrf), no SameSite=strict session cookie and no Origin/Referer check.',
    severity: 'medium',
    confidence: 'taint-confirmed',
    cwe: [352],
    owasp: 'A01:2021-Broken Access Control',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    // Session middleware: `session({...})`, or Fastify's `app.register(fastifySession, {...})`.
    const sessions: { at: Node; opts: Node | undefined }[] = ctx.calls.callsTo(SESSIONS).filter(({ call }) => Node.isCallExpression(call)).map(({ call }) => ({ at: call, opts: call.getArguments()[0] }));
    for (const call of ctx.calls.callsNamed(new Set(['register']))) {
      const [plugin, opts] = call.getArguments();
      const mod = plugin ? refOf(plugin)?.module : undefined;
      if (mod && SESSIONS.includes(mod)) sessions.push({ at: call, opts });
    }
    const defended = new Set<SourceFile>();
    for (const { call } of ctx.calls.callsTo(CSRF)) defended.add(call.getSourceFile());
    for (const call of ctx.calls.callsNamed(new Set(['register']))) {
      const plugin = call.getArguments()[0];
      if (plugin && CSRF.includes(refOf(plugin)?.module ?? '')) defended.add(call.getSourceFile());
    }
    for (const { at, opts } of sessions) {
      const sf = at.getSourceFile();
      if (defended.has(sf) || strictCookie(opts) || ORIGIN_CHECK.test(sf.getFullText())) continue;
      // The state-changing routes of the app this file sets up.
      const mutating = ctx.routes.routes.filter((r) => MUTATING.has(r.method) && rootOf(r.container).node.getSourceFile() === sf);
      if (mutating.length === 0) continue;
      const examples = mutating.slice(0, 3).map((r) => `${r.method} ${r.path}`).join(', ');
      yield {
        node: at,
        message: `session cookie authentication with ${mutating.length} state-changing route(s) (${examples}${mutating.length > 3 ? ', …' : ''}) and no CSRF token, SameSite=strict cookie or Origin check`,
      };
    }
  },
};

function rootOf(c: Container): Container {
  let cur = c;
  for (let i = 0; cur.parent && i < 20; i++) cur = cur.parent;
  return cur;
}
