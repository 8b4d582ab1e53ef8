import { Node } from 'ts-morph';
import { resolveDeclaration, resolveFunction, unwrap, type FunctionLike } from '../discover/resolve.js';
import { staticValue } from '../schema/static-value.js';

/** A route described as data and handed to a wrapper: `route(T.getPet, …)` with `T.getPet = { path, handler, … }`. */
export interface RouteDescriptor {
  readonly handler: FunctionLike;
  readonly operationId: string | undefined;
  /** The path as the descriptor states it (OpenAPI `{name}` or framework `:name` syntax). */
  readonly path: string | undefined;
  /** `body: { required, media: [{ type }] }`: the request media types, when stated. */
  readonly body: { required: boolean; mediaTypes: string[] } | undefined;
  /** The file that declares the descriptor (for a generated route table: where its `openapi.gen.json` is). */
  readonly file: string;
}

/**
 * Finds a route descriptor among the arguments of the route's handler expressions: an object (literal, or a
 * constant holding one) with a `handler` function and optionally `operationId` and `path` — the shape of the
 * route table `sb scaffold` generates, and of many hand-written route tables.
 */
export function findRouteDescriptor(handlers: readonly Node[]): RouteDescriptor | undefined {
  for (const h of handlers) {
    const call = unwrap(h);
    if (!call || !Node.isCallExpression(call)) continue;
    for (const arg of call.getArguments()) {
      const obj = objectLiteralOf(arg);
      if (!obj) continue;
      const handlerProp = obj.getProperty('handler');
      const init = handlerProp && Node.isPropertyAssignment(handlerProp) ? handlerProp.getInitializer() : undefined;
      const handler = init ? resolveFunction(init) : undefined;
      if (!handler) continue;
      const value = (key: string): string | undefined => {
        const p = obj.getProperty(key);
        const v = p && Node.isPropertyAssignment(p) ? staticValue(p.getInitializer()) : undefined;
        return typeof v === 'string' ? v : undefined;
      };
      return { handler, operationId: value('operationId'), path: value('path'), body: bodyOf(obj.getProperty('body')), file: obj.getSourceFile().getFilePath() };
    }
  }
  return undefined;
}

function objectLiteralOf(node: Node): (Node & { getProperty(name: string): Node | undefined }) | undefined {
  const e = unwrap(node);
  if (!e) return undefined;
  if (Node.isObjectLiteralExpression(e)) return e;
  if (Node.isIdentifier(e) || Node.isPropertyAccessExpression(e)) {
    const decl = resolveDeclaration(e);
    const init = decl && Node.isVariableDeclaration(decl) ? unwrap(decl.getInitializer()) : undefined;
    if (init && Node.isObjectLiteralExpression(init)) return init;
  }
  return undefined;
}

function bodyOf(prop: Node | undefined): RouteDescriptor['body'] {
  const obj = prop && Node.isPropertyAssignment(prop) ? objectLiteralOf(prop.getInitializerOrThrow()) : undefined;
  if (!obj) return undefined;
  const req = obj.getProperty('required');
  const media = obj.getProperty('media');
  const list = media && Node.isPropertyAssignment(media) ? unwrap(media.getInitializer()) : undefined;
  const mediaTypes: string[] = [];
  if (list && Node.isArrayLiteralExpression(list)) {
    for (const el of list.getElements()) {
      const o = objectLiteralOf(el);
      const t = o?.getProperty('type');
      const v = t && Node.isPropertyAssignment(t) ? staticValue(t.getInitializer()) : undefined;
      if (typeof v === 'string') mediaTypes.push(v);
    }
  }
  return { required: req !== undefined && Node.isPropertyAssignment(req) && staticValue(req.getInitializer()) === true, mediaTypes };
}
