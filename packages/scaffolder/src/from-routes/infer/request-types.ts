import type { CallExpression } from 'ts-morph';
import type { FunctionLike } from '../discover/resolve.js';
import type { RouteFramework } from '../options.js';
import type { TypeToSchema } from '../schema/type-to-schema.js';
import { isUserTyped, paramsFromType, type OperationParts, type ParamIn } from './parts.js';

const REQUEST_KEYS: readonly [string, ParamIn][] = [['params', 'path'], ['query', 'query'], ['headers', 'header'], ['cookies', 'cookie']];

/**
 * Reads the TypeScript types of the handler's request and response: Express `Request<Params, ResBody,
 * ReqBody, Query>` / `RequestHandler<…>` / `Response<ResBody>`, Fastify `FastifyRequest<{ Params, Querystring,
 * Body, Headers }>` and `fastify.get<{ …, Reply }>()` — only where the user typed them, never the defaults.
 */
export function inferFromRequestTypes(fw: RouteFramework, handler: FunctionLike | undefined, call: CallExpression, parts: OperationParts, types: TypeToSchema): void {
  if (!handler || fw === 'koa') return;
  const [reqParam, resParam] = handler.getParameters();
  if (reqParam) {
    const req = reqParam.getType();
    const source = `${fw === 'express' ? 'Request' : 'FastifyRequest'} type`;
    for (const [key, location] of REQUEST_KEYS) {
      const t = req.getProperty(key === 'query' && fw === 'fastify' ? 'query' : key)?.getTypeAtLocation(handler);
      if (isUserTyped(t)) parts.setParams(location, paramsFromType(t, handler, location, types), source);
    }
    const body = req.getProperty('body')?.getTypeAtLocation(handler);
    if (isUserTyped(body)) parts.setBody(types.convert(body, handler), true, source);
  }
  if (fw === 'express' && resParam) {
    const resBody = resParam.getType().getTypeArguments()[0];
    if (isUserTyped(resBody)) parts.setResponses([{ status: '200', schema: types.convert(resBody, handler) }], 'Response<ResBody> type');
  }
}

/** `fastify.get<{ Reply: Pet }>` or `Reply: { 200: Pet; 404: Err }`. */
export function inferFromFastifyReply(call: CallExpression, parts: OperationParts, types: TypeToSchema): void {
  const arg = call.getTypeArguments()[0];
  if (!arg) return;
  const reply = arg.getType().getProperty('Reply')?.getTypeAtLocation(call);
  if (!isUserTyped(reply)) return;
  const props = reply.getProperties();
  if (props.length > 0 && props.every((p) => /^([1-5]\d\d|[1-5]xx|default)$/i.test(p.getName()))) {
    parts.setResponses(
      props.map((p) => ({ status: p.getName(), schema: types.convert(p.getTypeAtLocation(call), call) })),
      'route generic Reply',
    );
  } else {
    parts.setResponses([{ status: '200', schema: types.convert(reply, call) }], 'route generic Reply');
  }
}
