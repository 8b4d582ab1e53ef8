import { Node, SyntaxKind } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { resolveFunction, stringValue } from '../symbols/declarations.js';
import { routeLabel, type Route } from '../routes/types.js';

/** Admin areas: any path segment starting with admin (`/admin`, `/adminusers`, `/api/admin/...`). */
const ADMIN = /(?:^|\/)admin[\w-]*(?:\/|$)/i;
/** Operational endpoints that leak internals: metrics, debug consoles, log viewers. */
const OPS = /(?:^|\/)(?:metrics|debug|_debug|logs?|actuator|heapdump|console|phpinfo|env|trace)(?:\/|$)/i;
/** A role or permission check, in a middleware name or body, or in the handler. */
const ROLE_CHECK = /\b(?:isAdmin|is_admin|requireAdmin|adminOnly|ensureAdmin|hasRole|requireRole|checkRole|roles?\b|permissions?\b|authori[sz]e|can[A-Z]\w*|rbac|acl|scopes?\b)/;

/** An admin flag or role in a condition: `user.isAdmin`, `req.user.role === 'admin'`. */
const ADMIN_FLAG = /\b(?:is_?admin|admin|role|roles)\b/i;

/**
 * Whether the handler checks a role: a role word used anywhere but as a key of an object it outputs
 * (`res.render('benefits', { user: { isAdmin: true } })` presents an admin page, it checks nothing).
 */
function handlerChecksRole(handler: Node): boolean {
  return handler.getDescendants().some((n) => {
    if (!(Node.isIdentifier(n) || Node.isStringLiteral(n)) || !ROLE_CHECK.test(n.getText())) return false;
    const p = n.getParent();
    return !(p && (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p)) && p.getNameNode() === n);
  });
}

function mentionsRoleCheck(route: Route): boolean {
  for (const m of route.chain) {
    if (ROLE_CHECK.test(m.label)) return true;
    const fn = resolveFunction(m.node);
    if (fn && ROLE_CHECK.test(fn.getText())) return true;
  }
  return route.handler !== undefined && handlerChecksRole(route.handler);
}

/**
 * Paths the app itself treats as admin-only: where it sends a user only when the user is an admin
 * (`res.redirect(user.isAdmin ? '/benefits' : '/dashboard')`, `if (user.role === 'admin') res.redirect('/reports')`).
 */
function adminLandings(ctx: RuleContext): Set<string> {
  const out = new Set<string>();
  for (const call of ctx.calls.callsNamed(new Set(['redirect']))) {
    const target = call.getArguments().at(-1);
    if (target && Node.isConditionalExpression(target) && ADMIN_FLAG.test(target.getCondition().getText())) {
      const path = stringValue(target.getWhenTrue());
      if (path?.startsWith('/')) out.add(path);
      continue;
    }
    const path = stringValue(target);
    const branch = call.getFirstAncestorByKind(SyntaxKind.IfStatement);
    if (path?.startsWith('/') && branch && ADMIN_FLAG.test(branch.getExpression().getText()) && branch.getThenStatement().containsRange(call.getPos(), call.getEnd())) out.add(path);
  }
  return out;
}

/** Admin routes without a role check, and metrics/debug/log routes without authentication. */
export const unprotectedAdminRoute: Rule = {
  meta: {
    id: 'unprotected-admin-route',
    title: 'Admin or operational route without a role check',
    description: 'A route under an admin path, or a page the app itself only sends admins to, has no role or permission check (in its middleware chain or handler), so any logged-in user (or anyone) can use it; or a /metrics, /debug, /logs-style route has no authentication at all.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [285, 862],
    owasp: 'A01:2021-Broken Access Control',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const landings = adminLandings(ctx);
    for (const route of ctx.routes.routes) {
      if (route.declaredPublic) continue;
      if ((ADMIN.test(route.path) || landings.has(route.path)) && !mentionsRoleCheck(route)) {
        const authed = route.chain.some((m) => m.kinds.has('auth'));
        yield { node: route.node, route: routeLabel(route), message: `${routeLabel(route)} is an admin route with ${authed ? 'authentication but no role check' : 'no authentication and no role check'}` };
      } else if (OPS.test(route.path) && !route.chain.some((m) => m.kinds.has('auth')) && !mentionsRoleCheck(route)) {
        yield { node: route.node, route: routeLabel(route), message: `${routeLabel(route)} exposes internals (metrics, debug or logs) without authentication`, severity: 'medium' };
      }
    }
  },
};
