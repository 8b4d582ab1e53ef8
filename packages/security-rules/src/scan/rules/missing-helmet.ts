import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { followConst, objectProperty } from '../symbols/declarations.js';
import type { Container } from '../routes/types.js';

const OFF = ['contentSecurityPolicy', 'frameguard', 'xFrameOptions', 'strictTransportSecurity', 'hsts', 'noSniff', 'xContentTypeOptions'];

function helmetOptions(mw: Node): Node | undefined {
  if (Node.isCallExpression(mw)) return followConst(mw.getArguments()[0]);
  const reg = mw.getParent();
  if (reg && Node.isCallExpression(reg)) return followConst(reg.getArguments()[1]);
  return undefined;
}

/** Apps with routes but no helmet (@fastify/helmet, koa-helmet), or helmet with CSP/frameguard/HSTS turned off. */
export const missingHelmet: Rule = {
  meta: {
    id: 'missing-helmet',
    title: 'Security headers middleware missing or weakened',
    description: 'The app never registers helmet (@fastify/helmet, koa-helmet), or registers it with contentSecurityPolicy/frameguard/HSTS turned off, so responses lack CSP, X-Frame-Options, HSTS and nosniff headers.',
    severity: 'medium',
    confidence: 'taint-confirmed',
    cwe: [693, 1021],
    owasp: 'A05:2021-Security Misconfiguration',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const inTree = (app: Container, c: Container): boolean => {
      for (let cur: Container | undefined = c; cur; cur = cur.parent) if (cur === app) return true;
      return false;
    };
    for (const app of ctx.routes.containers) {
      if (app.kind !== 'app' || app.parent !== undefined) continue;
      const tree = ctx.routes.containers.filter((c) => inTree(app, c));
      const hasRoutes = ctx.routes.routes.some((r) => inTree(app, r.container)) || app.middleware.length > 0;
      if (!hasRoutes) continue;
      const helmets = tree.flatMap((c) => c.middleware.filter((m) => m.mw.kinds.has('helmet')));
      if (helmets.length === 0) {
        yield { node: app.node, message: `${app.framework} app has routes but no helmet: no CSP, X-Frame-Options, HSTS or nosniff headers` };
        continue;
      }
      for (const h of helmets) {
        const opts = helmetOptions(h.mw.node);
        for (const key of OFF) {
          const v = objectProperty(opts, key);
          if (v?.getText() === 'false') yield { node: v, message: `helmet is registered with ${key}: false` };
        }
      }
    }
  },
};
