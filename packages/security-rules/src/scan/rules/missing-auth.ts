import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { routeLabel, type Container, type Route } from '../routes/types.js';

const rootOf = (c: Container): Container => {
  let cur = c;
  for (let i = 0; cur.parent && i < 20; i++) cur = cur.parent;
  return cur;
};

/** Request fields that identify or authenticate the caller themselves: login forms, sign-up, password recovery. */
const CREDENTIAL = /^(?:login|email|e?mail_?address|user_?name|username|phone|password|passwd|pass|new_?password|c?password|token|reset_?token|otp|code|verification_?code)$/i;

/**
 * A route that must work without a session because the request itself carries who the caller is: its handler
 * reads a login, e-mail, password or recovery token from the request (login, registration, password forgot/reset).
 */
function authenticatesItself(route: Route, ctx: RuleContext): boolean {
  const fn = route.handler;
  // A route on a resource (`/users/:id`) acts on someone else's object, not on the caller's own account.
  if (fn === undefined || /[:{]/.test(route.path)) return false;
  const credential = (n: ts.Node): boolean => CREDENTIAL.test((n as ts.PropertyAccessExpression).name.text);
  for (const pa of ctx.nodes.descendantsOfKind(fn, SyntaxKind.PropertyAccessExpression, credential)) {
    if (CREDENTIAL.test(pa.getName()) && ctx.taint.sources.sourceOf(pa.getExpression()) !== undefined) return true;
  }
  for (const be of fn.getDescendantsOfKind(SyntaxKind.BindingElement)) {
    const key = be.getPropertyNameNode()?.getText() ?? be.getName();
    const holder = be.getParent().getParent();
    const init = Node.isVariableDeclaration(holder) ? holder.getInitializer() : undefined;
    if (CREDENTIAL.test(key) && init && ctx.taint.sources.sourceOf(init) !== undefined) return true;
  }
  return false;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PUBLIC = /(?:^|\/)(?:webhooks?|health|ready|live|status|metrics|public|contact|newsletter|csp-report)(?:\/|$)/i;
const INLINE_AUTH = /\b(?:req|request|ctx)\.(?:user|session|auth|isAuthenticated)\b|ctx\.state\.user|\.verify\(|authorization/i;

/** Mutating routes with no authentication middleware in their chain and no inline auth check. */
export const missingAuth: Rule = {
  meta: {
    id: 'missing-auth',
    title: 'Mutating route without authentication',
    description: 'A POST/PUT/PATCH/DELETE route has no authentication middleware in its chain (passport, express-jwt, koa-jwt, @fastify/auth, a declared or auth-named middleware), its handler does not check a user or session, and it is not public by design (its request carries the caller\'s own credentials, as login, registration and password recovery do; or it is declared in `publicRoutes`).',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [306, 862],
    owasp: 'A01:2021-Broken Access Control',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const authRoute = new RegExp(ctx.config.authRoutes, 'i');
    const authApps = new Set(ctx.routes.routes.filter((r) => r.chain.some((m) => m.kinds.has('auth'))).map((r) => rootOf(r.container)));
    for (const route of ctx.routes.routes) {
      if (!MUTATING.has(route.method) || route.declaredPublic || authRoute.test(route.path) || PUBLIC.test(route.path)) continue;
      if (route.chain.some((m) => m.kinds.has('auth'))) continue;
      if (route.handler && INLINE_AUTH.test(route.handler.getText())) continue;
      if (authenticatesItself(route, ctx)) continue;
      const appUsesAuth = authApps.has(rootOf(route.container));
      yield {
        node: route.node,
        route: routeLabel(route),
        message: `${routeLabel(route)} changes data but has no authentication middleware${appUsesAuth ? ' (other routes of this app have one)' : ''}`,
        // Only certain when the app has an auth concept and this route skips it.
        confidence: appUsesAuth ? 'taint-confirmed' : 'pattern',
      };
    }
  },
};
