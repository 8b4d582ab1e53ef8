import { Node, SyntaxKind, type Type } from 'ts-morph';
import type { FunctionLike } from '../discover/resolve.js';
import type { RouteFramework } from '../options.js';
import { staticValue } from '../schema/static-value.js';
import type { TypeToSchema } from '../schema/type-to-schema.js';
import type { OperationParts, ResponsePart } from './parts.js';
import { responsesOf } from './typed-handler.js';

const SENDS = new Set(['json', 'send', 'end', 'sendStatus', 'redirect', 'sendFile']);

/**
 * Responses from what the handler does: Express `res.status(n).json(x)` / `res.json(x)` / `res.sendStatus(n)`,
 * Fastify `reply.code(n).send(x)` and returned values, Koa `ctx.status = n; ctx.body = x` and `ctx.throw(n)`.
 * `res.status(r.status).json(r.body)` with `r` a `{ status, body }` union gives one response per member.
 */
export function inferFromResponseSites(fw: RouteFramework, handler: FunctionLike | undefined, parts: OperationParts, types: TypeToSchema): void {
  if (!handler) return;
  const params = handler.getParameters().map((p) => p.getName());
  const declaredArg = fw === 'express' ? handler.getParameters()[1]?.getType().getTypeArguments()[0] : undefined;
  const declared = declaredArg && !declaredArg.isAny() && !declaredArg.isUnknown() ? declaredArg : undefined;
  const found: ResponsePart[] = [];
  let dynamic = false;
  const add = (status: unknown, value: Node | undefined): void => {
    if (typeof status === 'number' || typeof status === 'string') found.push(bodyOf(String(status), value, types, declared));
    else dynamic = true;
  };
  const correlated = (statusExpr: Node | undefined, bodyExpr: Node | undefined): boolean => {
    const union = correlatedUnion(statusExpr, bodyExpr);
    if (!union) return false;
    found.push(...responsesOf(union.isUnion() ? union.getUnionTypes() : [union], handler, types));
    return true;
  };
  if (fw === 'koa') {
    const ctx = params[0];
    for (const bin of handler.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
      if (bin.getOperatorToken().getKind() !== SyntaxKind.EqualsToken || bin.getLeft().getText() !== `${ctx}.body`) continue;
      const statusSet = precedingStatus(bin, ctx);
      if (!correlated(statusSet, bin.getRight())) add(statusSet ? staticValue(statusSet) : 200, bin.getRight());
    }
    for (const call of handler.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      if (call.getExpression().getText() === `${ctx}.throw`) add(staticValue(call.getArguments()[0]), undefined);
    }
  } else {
    const res = params[1];
    for (const call of handler.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || !SENDS.has(callee.getName())) continue;
      const chain = statusChain(callee.getExpression());
      if (!chain || chain.root !== res) continue;
      const name = callee.getName();
      const arg = call.getArguments()[0];
      if (name === 'sendStatus') add(staticValue(arg), undefined);
      else if (name === 'redirect') add(302, undefined);
      else if (!correlated(chain.status, arg)) add(chain.status ? staticValue(chain.status) : 200, name === 'end' ? undefined : arg);
    }
    if (fw === 'fastify') {
      const body = handler.getBody();
      if (body && !Node.isBlock(body)) add(200, body);
      for (const ret of handler.getDescendantsOfKind(SyntaxKind.ReturnStatement)) {
        const e = ret.getExpression();
        const owner = ret.getFirstAncestor((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isFunctionDeclaration(a) || Node.isMethodDeclaration(a));
        if (!e || owner !== handler) continue;
        if (e.getText().startsWith(`${res}.`) || e.getText() === res) continue;
        add(200, e);
      }
    }
  }
  if (dynamic) parts.notes.push('responses: a status code is computed at run time');
  parts.setResponses(merge(found), fw === 'koa' ? 'ctx.status/ctx.body' : fw === 'express' ? 'res.status().json()' : 'reply.code().send()');
}

function bodyOf(status: string, value: Node | undefined, types: TypeToSchema, declared?: Type): ResponsePart {
  if (!value) return { status };
  let t = awaited(Node.isSatisfiesExpression(value) ? (value.getTypeNode()?.getType() ?? value.getType()) : value.getType());
  if ((t.isAny() || t.isUnknown()) && declared && status.startsWith('2')) t = declared;
  if (t.isUndefined() || t.isVoid() || t.isNull()) return { status };
  return { status, schema: types.convert(t, value) };
}

/** `res.status(404)` / `reply.code(404)` links below the send call: the root name and the status argument. */
function statusChain(expr: Node): { root: string; status: Node | undefined } | undefined {
  let e: Node = expr;
  let status: Node | undefined;
  while (Node.isCallExpression(e)) {
    const c = e.getExpression();
    if (!Node.isPropertyAccessExpression(c)) return undefined;
    if (['status', 'code'].includes(c.getName())) status ??= e.getArguments()[0];
    else if (!['type', 'header', 'headers', 'set', 'setHeader', 'cookie', 'vary', 'location'].includes(c.getName())) return undefined;
    e = c.getExpression();
  }
  return Node.isIdentifier(e) ? { root: e.getText(), status } : undefined;
}

/** `ctx.status = n` earlier in the same block. */
function precedingStatus(assign: Node, ctx: string | undefined): Node | undefined {
  const stmt = assign.getParentWhile((p) => !Node.isBlock(p) && !Node.isSourceFile(p));
  const block = stmt?.getParent();
  if (!stmt || !block || !Node.isBlock(block)) return undefined;
  let status: Node | undefined;
  for (const s of block.getStatements()) {
    if (s === stmt) break;
    for (const b of s.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
      if (b.getOperatorToken().getKind() === SyntaxKind.EqualsToken && b.getLeft().getText() === `${ctx}.status`) status = b.getRight();
    }
  }
  return status;
}

/** `X.status` with `X.body`: the type of `X`, when it is a union of `{ status: literal, body }`. */
function correlatedUnion(statusExpr: Node | undefined, bodyExpr: Node | undefined): Type | undefined {
  if (!statusExpr || !bodyExpr || !Node.isPropertyAccessExpression(statusExpr) || !Node.isPropertyAccessExpression(bodyExpr)) return undefined;
  if (statusExpr.getName() !== 'status' || bodyExpr.getName() !== 'body') return undefined;
  if (statusExpr.getExpression().getText() !== bodyExpr.getExpression().getText()) return undefined;
  if (staticValue(statusExpr) !== undefined && typeof staticValue(statusExpr) === 'number') return undefined;
  const t = statusExpr.getExpression().getType();
  const members = t.isUnion() ? t.getUnionTypes() : [t];
  return members.every((m) => m.getProperty('status')?.getTypeAtLocation(statusExpr).isLiteral()) ? t : undefined;
}

function awaited(t: Type): Type {
  return t.getSymbol()?.getName() === 'Promise' ? (t.getTypeArguments()[0] ?? t) : t;
}

function merge(list: ResponsePart[]): ResponsePart[] {
  const out = new Map<string, ResponsePart>();
  for (const r of list) {
    const prev = out.get(r.status);
    if (!prev || !prev.schema) out.set(r.status, r);
    else if (r.schema && JSON.stringify(prev.schema) !== JSON.stringify(r.schema)) {
      const alts = 'oneOf' in prev.schema && prev.schema.oneOf ? prev.schema.oneOf : [prev.schema];
      out.set(r.status, { status: r.status, schema: { oneOf: [...alts, r.schema] } });
    }
  }
  return [...out.values()];
}
