import { Node, type CallExpression } from 'ts-morph';
import type { ScanConfig } from '../config/scan-config.js';
import { followConst, objectProperty, resolveFunction, returnExpressions, stringValue } from '../symbols/declarations.js';
import type { ContainerRegistry } from './containers.js';
import { classifyMiddleware } from './middleware-kind.js';
import type { Container } from './types.js';

const HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler']);

/** Flattens `[a, b]` arguments (Express accepts arrays of middleware). */
export function flatArgs(args: readonly Node[]): Node[] {
  return args.flatMap((a) => (Node.isArrayLiteralExpression(a) ? a.getElements() : [a]));
}

/**
 * The child container an argument denotes: `router`, `router.routes()`, `router.middleware()`, or a call of a
 * router factory (`require('./routes/app')()`, `makeRouter(deps)`): a function that returns a router.
 */
function childOf(arg: Node, reg: ContainerRegistry): Container | undefined {
  const direct = reg.lookup(arg);
  if (direct) return direct;
  if (Node.isCallExpression(arg)) {
    const callee = arg.getExpression();
    if (Node.isPropertyAccessExpression(callee) && ['routes', 'middleware', 'allowedMethods'].includes(callee.getName())) {
      return reg.lookup(callee.getExpression());
    }
    const factory = resolveFunction(callee);
    for (const ret of factory ? returnExpressions(factory) : []) {
      const c = reg.lookup(ret);
      if (c) return c;
    }
  }
  return undefined;
}

/** `app.use([prefix], ...)`: mounts routers or adds middleware (Express, Koa, koa-router). */
function linkUse(c: Container, call: CallExpression, reg: ContainerRegistry, config: ScanConfig): void {
  const args = call.getArguments();
  const first = args[0];
  const prefix = first !== undefined ? stringValue(first) : undefined;
  const rest = prefix !== undefined ? args.slice(1) : args;
  for (const a of flatArgs(rest)) {
    const child = childOf(a, reg);
    if (child && child !== c) {
      if (Node.isCallExpression(a) && a.getExpression().getText().endsWith('allowedMethods')) continue;
      child.parent = c;
      child.prefix = (prefix ?? '') + child.prefix;
    } else if (!child) {
      c.middleware.push({ prefix: prefix ?? '', mw: classifyMiddleware(a, config) });
    }
  }
}

/** `fastify.register(plugin, { prefix })` and `fastify.addHook('onRequest', fn)`. */
function linkFastify(c: Container, call: CallExpression, name: string, reg: ContainerRegistry, config: ScanConfig): void {
  const [a0, a1] = call.getArguments();
  if (a0 === undefined) return;
  if (name === 'addHook') {
    const hook = stringValue(a0);
    if (hook !== undefined && HOOKS.has(hook) && a1) c.middleware.push({ prefix: '', mw: classifyMiddleware(a1, config) });
    return;
  }
  const opts = followConst(a1);
  const fn = resolveFunction(a0);
  const param = fn?.getParameters()[0];
  if (fn && param) {
    const prefix = stringValue(objectProperty(opts, 'prefix')) ?? '';
    if (!reg.byNode.has(param)) {
      reg.add({ framework: 'fastify', kind: 'plugin', node: param, prefix, parent: c, middleware: [] }, param.getText().split(/[:\s]/)[0] ?? '');
    }
    return;
  }
  const mw = classifyMiddleware(a0, config);
  const global = objectProperty(opts, 'global');
  if (mw.kinds.has('rate-limit') && global?.getText() === 'false') return; // only routes with config.rateLimit
  c.middleware.push({ prefix: '', mw });
}

/** Links containers and middleware from every `use`/`register`/`addHook` call and container-passing calls. */
export function linkContainers(calls: readonly CallExpression[], reg: ContainerRegistry, config: ScanConfig): void {
  const done = new Set<CallExpression>();
  for (let round = 0; round < 3; round++) {
    for (const call of calls) {
      if (done.has(call)) continue;
      const callee = call.getExpression();
      if (Node.isPropertyAccessExpression(callee)) {
        const name = callee.getName();
        const c = reg.lookup(callee.getExpression());
        if (c && name === 'use') {
          linkUse(c, call, reg, config);
          done.add(call);
          continue;
        }
        if (c && c.framework === 'fastify' && (name === 'register' || name === 'addHook')) {
          linkFastify(c, call, name, reg, config);
          done.add(call);
          continue;
        }
      }
      // registerRoutes(app): the callee's parameter aliases the container.
      const args = call.getArguments();
      const idx = args.findIndex((a) => Node.isIdentifier(a) && reg.names.has(a.getText()));
      if (idx < 0) continue;
      const arg = args[idx];
      const c = arg ? reg.lookup(arg) : undefined;
      const param = c ? resolveFunction(callee)?.getParameters()[idx] : undefined;
      if (c && param && arg) {
        reg.alias(param, c, param.getText().split(/[:\s]/)[0] ?? arg.getText());
        done.add(call);
      }
    }
  }
}
