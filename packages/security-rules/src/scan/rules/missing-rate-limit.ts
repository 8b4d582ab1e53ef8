import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { routeLabel } from '../routes/types.js';

/** Authentication routes (login, signup, token, password reset) with no rate limiter in their middleware chain. */
export const missingRateLimit: Rule = {
  meta: {
    id: 'missing-rate-limit',
    title: 'Authentication route without a rate limiter',
    description: 'A login/signup/token/password-reset route has no rate limiter in its middleware chain (express-rate-limit, @fastify/rate-limit, koa-ratelimit or a declared limiter), so passwords and codes can be brute-forced.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [307, 770],
    owasp: 'A07:2021-Identification and Authentication Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const authRoute = new RegExp(ctx.config.authRoutes, 'i');
    for (const route of ctx.routes.routes) {
      if (route.method === 'GET' || route.method === 'HEAD' || route.method === 'OPTIONS') continue;
      if (!authRoute.test(route.path)) continue;
      if (route.chain.some((m) => m.kinds.has('rate-limit'))) continue;
      const chain = route.chain.map((m) => m.label).join(' → ') || 'no middleware';
      yield { node: route.node, route: routeLabel(route), message: `${routeLabel(route)} has no rate limiter in its chain (${chain})` };
    }
  },
};
