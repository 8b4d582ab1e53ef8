import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { enclosingFunction } from '../symbols/declarations.js';
import { routeLabel } from '../routes/types.js';

/** Data-access calls that fetch, change or delete one object by a key. */
const DATA_CALLS = new Set([
  'findById', 'findByPk', 'findOne', 'findUnique', 'findFirst', 'findOneBy', 'get', 'getById',
  'findByIdAndUpdate', 'findByIdAndDelete', 'findByIdAndRemove', 'findOneAndUpdate', 'findOneAndDelete',
  'updateOne', 'deleteOne', 'update', 'destroy', 'delete', 'remove', 'query', 'execute',
]);
/** The authenticated principal, as frameworks and sb handlers expose it. */
const PRINCIPAL = /\b(?:req|request)\.(?:user|session|auth)\b|\bctx\.state\.(?:user|auth)\b|\bres\.locals\.(?:user|auth)\b|\bctx\.(?:auth|principal|user)\b|\bcurrentUser\b|\bprincipal\b|\bgetUser\(/;

/** The request key a taint path starts from: `id` for `req.params.id` or `const { id } = req.params`. */
function sourceKey(first: Node): string | undefined {
  if (Node.isBindingElement(first)) return first.getPropertyNameNode()?.getText() ?? first.getName();
  const parent = first.getParent();
  if (parent && Node.isPropertyAccessExpression(parent) && parent.getExpression() === first) return parent.getName();
  if (parent && Node.isElementAccessExpression(parent) && parent.getExpression() === first) return parent.getArgumentExpression()?.getText().replace(/^['"]|['"]$/g, '');
  return undefined;
}

const ID_KEY = /(?:^|_)id$|Id$|^(?:uuid|slug)$/;

/**
 * Insecure direct object reference (CWE-639): on an authenticated route, an object is fetched, changed or deleted
 * by an id taken from the request, and nothing in the handler relates it to the authenticated principal.
 */
export const idor: Rule = {
  meta: {
    id: 'idor',
    title: 'Object fetched by a request id without an ownership check (IDOR)',
    description: 'On an authenticated route, an object is fetched, changed or deleted by an id from the request (params, query or body) and the handler never compares it with, or scopes the query to, the authenticated user (req.user, the session, ctx.state.user).',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [639],
    owasp: 'A01:2021-Broken Access Control',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const reported = new Set<Node>();
    for (const call of ctx.calls.callsNamed(DATA_CALLS)) {
      const route = ctx.routeOf(call);
      if (route === undefined || !route.chain.some((m) => m.kinds.has('auth')) || route.declaredPublic) continue;
      const handler = route.handler;
      if (handler === undefined || reported.has(route.node)) continue;
      if (PRINCIPAL.test(handler.getText()) || PRINCIPAL.test(enclosingFunction(call)?.getText() ?? '')) continue;
      for (const arg of call.getArguments()) {
        const hit = ctx.taint.trace(arg, 'any');
        const key = hit?.steps.map((st) => sourceKey(st.node)).find((k) => k !== undefined);
        if (hit === undefined || key === undefined || !ID_KEY.test(key)) continue;
        reported.add(route.node);
        yield {
          node: call,
          route: routeLabel(route),
          message: `${routeLabel(route)} loads or changes an object by ${hit.source}.${key} without checking that it belongs to the authenticated user`,
          flow: [...hit.steps, { node: arg, message: 'used as the object key' }],
        };
        break;
      }
    }
  },
};
