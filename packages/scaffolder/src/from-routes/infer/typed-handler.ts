import { Node, SyntaxKind, type CallExpression, type Signature, type Type } from 'ts-morph';
import { functionName, type FunctionLike } from '../discover/resolve.js';
import type { TypeToSchema } from '../schema/type-to-schema.js';
import { isUserTyped, paramsFromType, type OperationParts, type ParamIn, type ResponsePart } from './parts.js';

const INPUT_KEYS: readonly [string, ParamIn][] = [['params', 'path'], ['query', 'query'], ['headers', 'header'], ['cookies', 'cookie']];

/**
 * Finds, inside the route's functions, a call to a typed handler of the shape part 1 generates (and many
 * hand-written services use): `(input: { params?, query?, headers?, cookies?, body? }, …) →
 * Promise<{ status: 200; body: T } | { status: 404; body: E } | …>`. Its types give the parameters, the
 * request body, and one response per status. Returns the handler's name (the operation id), if found.
 */
export function inferFromTypedHandler(fns: readonly FunctionLike[], parts: OperationParts, types: TypeToSchema, direct?: FunctionLike): boolean {
  for (const [shape, call] of candidates(fns, direct)) {
    {
      if (!shape) continue;
      const { input, results, name } = shape;
      const source = `typed handler ${name}()`;
      if (input) {
        for (const [key, location] of INPUT_KEYS) {
          const t = input.getProperty(key)?.getTypeAtLocation(call);
          if (isUserTyped(t)) parts.setParams(location, paramsFromType(nonUndefined(t), call, location, types), source);
        }
        const body = input.getProperty('body');
        const bt = body?.getTypeAtLocation(call);
        if (body && isUserTyped(bt)) parts.setBody(types.convert(nonUndefined(bt), call), !body.isOptional() && !(bt.isUnion() && bt.getUnionTypes().some((u) => u.isUndefined())), source);
      }
      parts.setResponses(responsesOf(results, call, types), source);
      parts.operationId ??= name;
      return true;
    }
  }
  return false;
}

function* candidates(fns: readonly FunctionLike[], direct: FunctionLike | undefined): Generator<[Shape | undefined, Node]> {
  if (direct) yield [shapeOfSignature(functionName(direct), direct.getType().getCallSignatures()[0], direct), direct];
  for (const fn of fns) for (const call of fn.getDescendantsOfKind(SyntaxKind.CallExpression)) yield [typedHandlerShape(call), call];
}

interface Shape {
  readonly name: string;
  readonly input: Type | undefined;
  readonly results: Type[];
}

function typedHandlerShape(call: CallExpression): Shape | undefined {
  const callee = call.getExpression();
  const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  return shapeOfSignature(name, callee.getType().getCallSignatures()[0], call);
}

function shapeOfSignature(name: string | undefined, sig: Signature | undefined, call: Node): Shape | undefined {
  if (!name || !sig) return undefined;
  let ret = sig.getReturnType();
  if (ret.getSymbol()?.getName() === 'Promise') ret = ret.getTypeArguments()[0] ?? ret;
  const results = ret.isUnion() ? ret.getUnionTypes() : [ret];
  if (results.length === 0 || !results.every((r) => statusOf(r, call) !== undefined)) return undefined;
  const p0 = sig.getParameters()[0]?.getTypeAtLocation(call);
  const input = p0 && p0.isObject() && ['params', 'query', 'headers', 'cookies', 'body'].some((k) => p0.getProperty(k)) ? p0 : undefined;
  if (!input && sig.getParameters().length > 0) return undefined;
  return { name, input, results };
}

function statusOf(result: Type, where: Node): string | undefined {
  const t = result.getProperty('status')?.getTypeAtLocation(where);
  if (!t) return undefined;
  if (t.isNumberLiteral()) return String(t.getLiteralValue());
  if (t.isStringLiteral()) return String(t.getLiteralValue());
  if (t.isNumber()) return 'default';
  return undefined;
}

/** One response per `{ status, body }` member (same status twice → `oneOf` of the bodies). */
export function responsesOf(results: readonly Type[], where: Node, types: TypeToSchema): ResponsePart[] {
  const byStatus = new Map<string, ResponsePart>();
  for (const r of results) {
    const status = statusOf(r, where);
    if (!status) continue;
    const bodyProp = r.getProperty('body');
    const bt = bodyProp?.getTypeAtLocation(where);
    const schema = bt && !bt.isUndefined() && !bt.isVoid() && !bt.isNever() ? types.convert(nonUndefined(bt), where) : undefined;
    const prev = byStatus.get(status);
    if (!prev) byStatus.set(status, schema ? { status, schema } : { status });
    else if (schema && prev.schema && JSON.stringify(prev.schema) !== JSON.stringify(schema)) {
      byStatus.set(status, { status, schema: { oneOf: [prev.schema, schema] } });
    }
  }
  return [...byStatus.values()];
}

function nonUndefined(t: Type): Type {
  return t.isUnion() && t.getUnionTypes().some((u) => u.isUndefined()) ? t.getNonNullableType() : t;
}
