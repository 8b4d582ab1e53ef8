import { Node, type CallExpression } from 'ts-morph';
import type { ScanConfig } from '../config/scan-config.js';
import { followConst, objectProperty, resolveFunction, stringValue } from '../symbols/declarations.js';
import type { ContainerRegistry } from './containers.js';
import { flatArgs } from './link.js';
import { classifyMiddleware } from './middleware-kind.js';
import type { Container, Middleware } from './types.js';

export const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);

/** A route as registered, before its chain is joined with the containers' middleware. */
export interface RawRoute {
  readonly container: Container;
  readonly method: string;
  readonly path: string;
  readonly node: CallExpression;
  readonly middleware: Middleware[];
  readonly handler: Node | undefined;
  readonly schema: Node | undefined;
}

const pathText = (n: Node | undefined): string => stringValue(n) ?? n?.getText() ?? '/';

/** Fastify route options: `preHandler`/`onRequest`/`preValidation` hooks, `config.rateLimit`, `schema`. */
function fastifyOptions(opts: Node | undefined, config: ScanConfig): { mw: Middleware[]; schema: Node | undefined; handler: Node | undefined } {
  const mw: Middleware[] = [];
  for (const hook of ['onRequest', 'preValidation', 'preHandler']) {
    const h = objectProperty(opts, hook);
    if (h) for (const el of flatArgs([h])) mw.push(classifyMiddleware(el, config));
  }
  const rl = objectProperty(followConst(objectProperty(opts, 'config')), 'rateLimit');
  if (rl && rl.getText() !== 'false') mw.push({ node: rl, kinds: new Set(['rate-limit']), label: 'config.rateLimit' });
  return { mw, schema: followConst(objectProperty(opts, 'schema')), handler: objectProperty(opts, 'handler') };
}

/** Reads `C.post(path, ...)`, `C.route(path).post(...)`, `fastify.route({...})` calls into raw routes. */
export function readRoute(call: CallExpression, reg: ContainerRegistry, config: ScanConfig): RawRoute | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.getName();
  let receiver = callee.getExpression();
  let path: string | undefined;
  // app.route('/p').get(...)
  if (Node.isCallExpression(receiver) && Node.isPropertyAccessExpression(receiver.getExpression())) {
    const inner = receiver.getExpression();
    if (Node.isPropertyAccessExpression(inner) && inner.getName() === 'route') {
      path = pathText(receiver.getArguments()[0]);
      receiver = inner.getExpression();
    }
  }
  const c = reg.lookup(receiver);
  if (c === undefined) return undefined;
  const args = call.getArguments();
  if (name === 'route' && c.framework === 'fastify') {
    const opts = followConst(args[0]);
    const o = fastifyOptions(opts, config);
    const method = stringValue(objectProperty(opts, 'method')) ?? objectProperty(opts, 'method')?.getText() ?? 'GET';
    return { container: c, method: method.toUpperCase(), path: pathText(objectProperty(opts, 'url')), node: call, middleware: o.mw, handler: o.handler, schema: o.schema };
  }
  if (!ROUTE_METHODS.has(name)) return undefined;
  const method = (name === 'del' ? 'delete' : name).toUpperCase();
  if (path !== undefined) {
    const fns = flatArgs(args);
    return { container: c, method, path, node: call, middleware: fns.slice(0, -1).map((f) => classifyMiddleware(f, config)), handler: fns.at(-1), schema: undefined };
  }
  if (args.length < 2) return undefined; // app.get('setting')
  if (c.framework === 'fastify') {
    const opts = args.length >= 3 ? followConst(args[1]) : undefined;
    const o = fastifyOptions(opts, config);
    return { container: c, method, path: pathText(args[0]), node: call, middleware: o.mw, handler: args.length >= 3 ? args[2] : args[1], schema: o.schema };
  }
  let rest = args;
  // koa-router: router.get(name, path, ...)
  if (c.framework === 'koa' && stringValue(args[1]) !== undefined) rest = args.slice(1);
  const fns = flatArgs(rest.slice(1));
  return { container: c, method, path: pathText(rest[0]), node: call, middleware: fns.slice(0, -1).map((f) => classifyMiddleware(f, config)), handler: fns.at(-1), schema: undefined };
}

/** The handler as a function, when it can be resolved. */
export const handlerFunction = (r: RawRoute) => resolveFunction(r.handler);
