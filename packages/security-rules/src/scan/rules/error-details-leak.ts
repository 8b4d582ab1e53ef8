import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';

const RESPOND = new Set(['send', 'json', 'end', 'write', 'render', 'jsonp', 'code']);

/** The names of caught errors around a node: `catch (err)` and error middleware `(err, req, res, next)`. */
function caughtNames(node: Node): Set<string> {
  const names = new Set<string>();
  for (const a of node.getAncestors()) {
    if (Node.isCatchClause(a)) {
      const v = a.getVariableDeclaration();
      if (v) names.add(v.getName());
    }
    if ((Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a)) && a.getParameters().length === 4) {
      const p0 = a.getParameters()[0];
      if (p0) names.add(p0.getName());
    }
    if ((Node.isArrowFunction(a) || Node.isFunctionExpression(a)) && Node.isCallExpression(a.getParent()) && /setErrorHandler|\.on$/.test((a.getParent() as import('ts-morph').CallExpression).getExpression().getText())) {
      const p0 = a.getParameters()[0];
      if (p0) names.add(p0.getName());
    }
  }
  return names;
}

/** The error detail an expression exposes: `err.stack` (always), or the raw error / its message in a catch. */
function leak(expr: Node, errs: Set<string>): { node: Node; what: string; confirmed: boolean } | undefined {
  for (const pa of [expr, ...expr.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)]) {
    if (Node.isPropertyAccessExpression(pa) && pa.getName() === 'stack') return { node: pa, what: 'a stack trace', confirmed: true };
  }
  if (Node.isIdentifier(expr) && errs.has(expr.getText())) return { node: expr, what: 'the raw error object', confirmed: true };
  // No caught error in scope: no identifier can be one (and walking every token of the argument is costly).
  if (errs.size === 0) return undefined;
  for (const id of expr.getDescendantsOfKind(SyntaxKind.Identifier)) {
    const p = id.getParent();
    if (errs.has(id.getText()) && !(p && Node.isPropertyAccessExpression(p) && p.getNameNode() === id)) {
      const whole = p && Node.isPropertyAccessExpression(p) && p.getName() === 'message';
      return { node: id, what: whole ? 'the error message' : 'the error', confirmed: false };
    }
  }
  return undefined;
}

/** Stack traces (and raw errors) sent to clients: `res.send(err.stack)`, `ctx.body = { error: err }`, `reply.send(err)`. */
export const errorDetailsLeak: Rule = {
  meta: {
    id: 'error-details-leak',
    title: 'Error details or stack trace in responses',
    description: 'A stack trace or a raw error object is sent to the client. It reveals file paths, library versions, SQL and internal state, and helps an attacker tune the next request.',
    severity: 'medium',
    confidence: 'taint-confirmed',
    cwe: [209, 497],
    owasp: 'A04:2021-Insecure Design',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const call of ctx.calls.callsNamed(RESPOND)) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || !/\b(?:res|response|reply)\b/.test(callee.getExpression().getText())) continue;
      const errs = caughtNames(call);
      for (const a of call.getArguments()) {
        const l = leak(a, errs);
        if (l) yield { node: l.node, message: `${l.what} is sent in the response`, confidence: l.confirmed ? 'taint-confirmed' : 'pattern' };
      }
    }
    const koaBody = (n: ts.Node): boolean => {
      const b = n as ts.BinaryExpression;
      return b.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(b.left) && b.left.name.text === 'body';
    };
    {
      for (const be of ctx.nodes.ofKind(SyntaxKind.BinaryExpression, koaBody)) {
        if (be.getOperatorToken().getText() !== '=' || !/^ctx\.(?:body|response\.body)$/.test(be.getLeft().getText())) continue;
        const l = leak(be.getRight(), caughtNames(be));
        if (l) yield { node: l.node, message: `${l.what} is sent in the response`, confidence: l.confirmed ? 'taint-confirmed' : 'pattern' };
      }
    }
  },
};
