import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { objectProperty, resolveFunction } from '../symbols/declarations.js';
import { isValidated, isValidationCall } from '../taint/validated.js';
import { routeLabel, type Route } from '../routes/types.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** A body read is fine when it is validated in place, before, or by the function it is handed to. */
function readIsValidated(read: Node, ctx: RuleContext): boolean {
  if (isValidated(read, ctx.routes, ctx.config)) return true;
  let p = read.getParent();
  while (p && (Node.isParenthesizedExpression(p) || Node.isAsExpression(p) || Node.isAwaitExpression(p))) p = p.getParent();
  if (!p || !Node.isCallExpression(p) || !p.getArguments().some((a) => a === read || a.getText() === read.getText())) return false;
  if (isValidationCall(p, ctx.config)) return true;
  const fn = resolveFunction(p.getExpression());
  return fn !== undefined && fn.getDescendantsOfKind(SyntaxKind.CallExpression).some((c) => isValidationCall(c, ctx.config));
}

/** A call that checks a value by hand: `validateSignup(name, email)`, `USER_RE.test(name)`, `isEmail(email)`. */
const CHECK_CALL = /(?:valid|check|verify|sanitiz|\.test$|\.match$|^is[A-Z])/;

/**
 * The fields a body read binds (`const { userName, email } = req.body`, `const email = req.body.email`), when
 * every one of them is checked by hand in a condition of the handler before any other use: a validation
 * function called in an `if`, an anchored-regex `test`, a `typeof` check.
 */
function checkedByHand(read: Node, handler: Node): boolean {
  const holder = read.getParent();
  const decl = holder && Node.isPropertyAccessExpression(holder) ? holder.getParent() : holder;
  if (decl === undefined || !Node.isVariableDeclaration(decl) || !decl.getInitializer()?.containsRange(read.getPos(), read.getEnd())) return false;
  const name = decl.getNameNode();
  const fields = Node.isObjectBindingPattern(name) ? name.getElements().map((e) => e.getName()) : [name.getText()];
  const conditions = [...handler.getDescendantsOfKind(SyntaxKind.IfStatement).map((i) => i.getExpression()), ...handler.getDescendantsOfKind(SyntaxKind.ConditionalExpression).map((c) => c.getCondition())];
  const checkedAt = new Map<string, number>();
  for (const cond of conditions) {
    for (const n of [cond, ...cond.getDescendants()]) {
      const args = Node.isTypeOfExpression(n) ? [n.getExpression()] : Node.isCallExpression(n) && CHECK_CALL.test(n.getExpression().getText()) ? n.getArguments() : [];
      for (const a of args) checkedAt.set(a.getText(), Math.min(checkedAt.get(a.getText()) ?? Infinity, cond.getStart()));
    }
  }
  const inCondition = (n: Node): boolean => conditions.some((c) => c.containsRange(n.getPos(), n.getEnd()));
  return fields.length > 0 && fields.every((f) => {
    const at = checkedAt.get(f);
    if (at === undefined) return false;
    // Checked before it is handed to anything: a value passed to a call and checked afterwards was not checked.
    const passed = (id: Node): boolean => {
      for (let p = id.getParent(); p !== undefined && p !== handler; p = p.getParent()) {
        if (Node.isCallExpression(p) && p.getArguments().some((x) => x.containsRange(id.getPos(), id.getEnd()))) return true;
      }
      return false;
    };
    const uses = handler.getDescendantsOfKind(SyntaxKind.Identifier).filter((id) => id.getText() === f && id.getStart() > decl.getEnd() && !inCondition(id) && passed(id));
    return uses.every((u) => u.getStart() > at);
  });
}

function bodyReads(route: Route, ctx: RuleContext): Node[] {
  const fn = route.handler;
  if (fn === undefined) return [];
  const body = (n: ts.Node): boolean => (n as ts.PropertyAccessExpression).name.text === 'body';
  const reads: Node[] = ctx.nodes.descendantsOfKind(fn, SyntaxKind.PropertyAccessExpression, body).filter((pa) => pa.getName() === 'body' && ctx.taint.sources.sourceOf(pa) !== undefined);
  const p0 = fn.getParameters()[0];
  if (p0 && Node.isParameterDeclaration(p0)) {
    const nameNode = p0.getNameNode();
    if (Node.isObjectBindingPattern(nameNode)) {
      for (const el of nameNode.getElements()) if ((el.getPropertyNameNode()?.getText() ?? el.getName()) === 'body') reads.push(el);
    }
  }
  return reads;
}

/** POST/PUT/PATCH routes whose handler uses the request body with no schema validation anywhere in its path. */
export const unvalidatedInput: Rule = {
  meta: {
    id: 'unvalidated-input',
    title: 'Request body used without schema validation',
    description: 'The handler reads the request body without a schema: no Fastify route schema, no validation middleware (celebrate, express-validator, a declared validator), no zod/ajv/joi validation in the handler, and not every field it takes checked by hand in a condition (a validation function, an anchored regex test, typeof).',
    severity: 'medium',
    confidence: 'taint-confirmed',
    cwe: [20],
    owasp: 'A04:2021-Insecure Design',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const route of ctx.routes.routes) {
      if (!BODY_METHODS.has(route.method)) continue;
      if (route.schema && objectProperty(route.schema, 'body')) continue;
      if (route.chain.some((m) => m.kinds.has('validation'))) continue;
      const handler = route.handler;
      const unvalidated = bodyReads(route, ctx).find((r) => !readIsValidated(r, ctx) && !(handler && checkedByHand(r, handler)));
      if (unvalidated === undefined) continue;
      yield { node: unvalidated, route: routeLabel(route), message: `${routeLabel(route)} uses ${unvalidated.getText()} without schema validation` };
    }
  },
};
