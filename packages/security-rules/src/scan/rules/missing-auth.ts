import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../model/rule.js';
import { routeLabel, type Container } from '../routes/types.js';

const rootOf = (c: Container): Container => {
  let cur = c;
  for (let i = 0; cur.parent && i < 20; i++) cur = cur.parent;
  return cur;
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PUBLIC = /(?:^|\/)(?:webhooks?|health|ready|live|status|metrics|public|contact|newsletter|csp-report)(?:\/|$)/i;
const INLINE_AUTH = /\b(?:req|request|ctx)\.(?:user|session|auth|isAuthenticated)\b|ctx\.state\.user|\.verify\(|authorization/i;

/** Mutating routes with no authentication middleware in their chain and no inline auth check. */
export const missingAuth: Rule = {
  meta: {
    id: 'missing-auth',
    title: 'Mutating route without authentication',
    description: 'A POST/PUT/PATCH/DELETE route has no authentication middleware in its chain (passport, express-jwt, koa-jwt, @fastify/auth, a declared or auth-named middleware) and its handler does not check a user or session.',
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
