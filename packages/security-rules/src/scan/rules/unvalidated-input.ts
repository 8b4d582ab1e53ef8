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
    description: 'The handler reads the request body without a schema: no Fastify route schema, no validation middleware (celebrate, express-validator, a declared validator), and no zod/ajv/joi validation in the handler.',
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
      const unvalidated = bodyReads(route, ctx).find((r) => !readIsValidated(r, ctx));
      if (unvalidated === undefined) continue;
      yield { node: unvalidated, route: routeLabel(route), message: `${routeLabel(route)} uses ${unvalidated.getText()} without schema validation` };
    }
  },
};
