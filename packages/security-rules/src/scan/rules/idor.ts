import { Node, type CallExpression } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { enclosingFunction } from '../symbols/declarations.js';
import { routeLabel } from '../routes/types.js';

/** Data-access calls that fetch, change or delete one object by a key. */
const DATA_CALLS = new Set([
  'findById', 'findByPk', 'findOne', 'findUnique', 'findFirst', 'findOneBy', 'get', 'getById',
  'findByIdAndUpdate', 'findByIdAndDelete', 'findByIdAndRemove', 'findOneAndUpdate', 'findOneAndDelete',
  'updateOne', 'deleteOne', 'update', 'destroy', 'delete', 'remove', 'query', 'execute', 'find', 'findAll',
]);
/** Calls that only show or log a value: the principal read there checks nothing. */
const OUTPUT_CALLS = new Set(['render', 'json', 'send', 'jsonp', 'redirect', 'log', 'info', 'debug', 'warn', 'error', 'flash', 'write', 'end', 'status']);
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
/** A key that names a person's object: `userId`, `owner_id`, `accountId`. */
const OWNER_KEY = /^(?:user|owner|author|account|customer|member|profile|created_?by)_?id$/i;
/** Columns that tie a row to a user, or that make the row a user account itself. */
const OWNED_FIELD = /^(?:user|owner|author|account|customer|member|created_?by)(?:_?id)?$|^(?:password|passwd|password_?hash)$/i;

/**
 * Whether the object the call addresses belongs to someone: the key names a user (`userId`), or the model the
 * call reads (`db.User.find`, `Note.findByPk`) is a user account or has an owner column. A model the project
 * defines without any of those (a shared product catalogue) has no owner to check; an unknown one may.
 */
function owned(call: CallExpression, key: string, models: RuleContext['models']): boolean {
  if (OWNER_KEY.test(key)) return true;
  const callee = call.getExpression();
  const model = Node.isPropertyAccessExpression(callee) ? models.of(callee.getExpression()) : undefined;
  return model === undefined || model.fields.some((f) => OWNED_FIELD.test(f));
}

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
      for (const arg of call.getArguments()) {
        if (Node.isArrowFunction(arg) || Node.isFunctionExpression(arg)) continue; // items.find((x) => ...)
        const hit = ctx.taint.trace(arg, 'key');
        const key = hit?.steps.map((st) => sourceKey(st.node)).find((k) => k !== undefined);
        if (hit === undefined || key === undefined || !ID_KEY.test(key) || !owned(call, key, ctx.models)) continue;
        // The call may sit in a data-access object: the route is the one the id came from.
        const route = ctx.routeOf(call) ?? ctx.routeOf(hit.steps[0]?.node ?? call);
        if (route === undefined || !route.chain.some((m) => m.kinds.has('auth')) || route.declaredPublic || route.handler === undefined) break;
        if (reported.has(route.node) || [route.handler, enclosingFunction(call)].some((fn) => fn !== undefined && checksPrincipal(fn))) break;
        reported.add(route.node);
        const handler = route.handler;
        const at = [...hit.steps].reverse().find((st) => handler.containsRange(st.node.getPos(), st.node.getEnd()))?.node;
        yield {
          node: handler.containsRange(call.getPos(), call.getEnd()) || at === undefined ? call : at,
          route: routeLabel(route),
          message: `${routeLabel(route)} loads or changes an object by ${hit.source}.${key} without checking that it belongs to the authenticated user`,
          flow: [...hit.steps, { node: arg, message: 'used as the object key' }],
        };
        break;
      }
    }
  },
};

/**
 * Whether a function relates anything to the authenticated principal: compares with it, scopes a query or a
 * check (`where: { ownerId: req.user.id }`, `authorize(req.user, doc)`) with it. Reading it only to render or
 * log it (`res.render('edit', { userId: req.user.id })`) checks nothing.
 */
function checksPrincipal(fn: Node): boolean {
  for (const n of fn.getDescendants()) {
    if (!(Node.isPropertyAccessExpression(n) || Node.isIdentifier(n) || Node.isCallExpression(n)) || !PRINCIPAL.test(n.getText())) continue;
    if (n.getDescendants().some((d) => (Node.isPropertyAccessExpression(d) || Node.isCallExpression(d)) && PRINCIPAL.test(d.getText()))) continue; // innermost only
    const call = n.getFirstAncestor((a) => Node.isCallExpression(a) && a.getArguments().some((x) => x.containsRange(n.getPos(), n.getEnd())));
    const callee = call && Node.isCallExpression(call) ? call.getExpression() : undefined;
    const name = callee && Node.isPropertyAccessExpression(callee) ? callee.getName() : callee?.getText();
    if (name === undefined || !OUTPUT_CALLS.has(name)) return true;
  }
  return false;
}
