import { Node, type CallExpression, type NewExpression } from 'ts-morph';
import { refOf } from '../symbols/module-ref.js';
import type { RuleContext } from '../engine/context.js';
import { followConst, objectProperty, resolveDeclaration } from '../symbols/declarations.js';

const isCallback = (n: Node): boolean =>
  Node.isArrowFunction(n) || Node.isFunctionExpression(n) || (Node.isIdentifier(n) && (/^(?:cb|callback|done|next|fn)$/i.test(n.getText()) || n.getType().getCallSignatures().length > 0));

/** A JWT call site and where its key and options are. */
export interface JwtSite {
  readonly call: CallExpression | NewExpression;
  readonly op: 'sign' | 'verify' | 'decode' | 'plugin';
  readonly secret: Node | undefined;
  readonly options: Node | undefined;
  /** Index the options argument has (or would have) in the call. */
  readonly optionsIndex: number;
}

/** jsonwebtoken sign/verify/decode, and the `secret` option of @fastify/jwt, express-jwt and koa-jwt. */
export function jwtSites(ctx: RuleContext): JwtSite[] {
  const out: JwtSite[] = [];
  for (const { call, ref } of ctx.calls.callsTo(['jsonwebtoken'], ['sign', 'verify', 'decode'])) {
    const op = ref.path.at(-1) as 'sign' | 'verify' | 'decode';
    const args = call.getArguments();
    const opts = args[2] && !isCallback(args[2]) ? args[2] : undefined;
    out.push({ call, op, secret: op === 'decode' ? undefined : args[1], options: op === 'decode' ? args[1] : opts, optionsIndex: op === 'decode' ? 1 : 2 });
  }
  for (const { call } of ctx.calls.callsTo(['express-jwt', 'koa-jwt', '@fastify/jwt'])) {
    const opts = followConst(call.getArguments()[0]);
    if (opts && Node.isObjectLiteralExpression(opts)) out.push({ call, op: 'plugin', secret: objectProperty(opts, 'secret'), options: opts, optionsIndex: 0 });
  }
  for (const call of ctx.calls.callsNamed(new Set(['register']))) {
    const [plugin, opts] = call.getArguments();
    if (!plugin || refOf(plugin)?.module !== '@fastify/jwt') continue;
    const o = followConst(opts);
    if (o && Node.isObjectLiteralExpression(o)) out.push({ call, op: 'plugin', secret: objectProperty(o, 'secret'), options: o, optionsIndex: 1 });
  }
  return out;
}

/** The literal behind a key expression: a literal, a const, a config property, or `process.env.X || 'literal'`. */
export function secretLiteral(expr: Node | undefined, depth = 0): { literal: Node; value: string; fallback: boolean; whole: Node } | undefined {
  if (expr === undefined || depth > 6) return undefined;
  const e = followConst(expr);
  if (e === undefined) return undefined;
  if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return e.getLiteralValue() === '' ? undefined : { literal: e, value: e.getLiteralValue(), fallback: false, whole: e };
  if (Node.isBinaryExpression(e) && ['||', '??'].includes(e.getOperatorToken().getText())) {
    const right = secretLiteral(e.getRight(), depth + 1);
    return right ? { ...right, fallback: true, whole: e } : undefined;
  }
  if (Node.isPropertyAccessExpression(e) && !e.getText().startsWith('process.env')) {
    const d = resolveDeclaration(e.getNameNode());
    if (d && Node.isPropertyAssignment(d)) return secretLiteral(d.getInitializer(), depth + 1);
  }
  return undefined;
}

/** Adds `prop: value` to the options of a JWT call: into the object literal, or as a new argument. */
export function addOption(site: JwtSite, prop: string): { node: Node; text: string; start?: number; end?: number } | undefined {
  const opts = site.options;
  if (opts && Node.isObjectLiteralExpression(opts)) {
    const open = opts.getStart() + 1;
    return { node: opts, text: opts.getProperties().length > 0 ? ` ${prop},` : ` ${prop} `, start: open, end: open };
  }
  if (opts !== undefined || !Node.isCallExpression(site.call)) return undefined;
  const args = site.call.getArguments();
  const before = args[site.optionsIndex - 1];
  if (before === undefined) return undefined;
  return { node: before, text: `, { ${prop} }`, start: before.getEnd(), end: before.getEnd() };
}
