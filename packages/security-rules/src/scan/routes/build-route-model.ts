import { Node, SyntaxKind, ts, type CallExpression } from 'ts-morph';
import type { NodeIndex } from '../project/node-index.js';
import type { ScanConfig } from '../config/scan-config.js';
import { resolveFunction } from '../symbols/declarations.js';
import { ContainerRegistry, findCreations } from './containers.js';
import { linkContainers } from './link.js';
import { ROUTE_METHODS, readRoute } from './route-calls.js';
import { isSbGenerated, sbScaffoldRoutes } from './sb-scaffold.js';
import { restResourceRoutes } from './rest-resources.js';
import type { Container, Middleware, Route, RouteModel } from './types.js';

const LINK = new Set(['use', 'register', 'addHook', 'route']);

function fullPrefix(c: Container, depth = 0): string {
  return c.parent && depth < 20 ? fullPrefix(c.parent, depth + 1) + c.prefix : c.prefix;
}

const joinPath = (a: string, b: string): string => (`${a}/${b}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1'));

/**
 * Middleware that never runs before this route's handler: an Express error handler (`(err, req, res, next)`), or
 * one added to the same container later in the same file (`app.get(...)` then `app.use(...)`).
 */
function after(mw: Middleware, route: Node, framework: string): boolean {
  if (framework !== 'express') return false;
  if (resolveFunction(mw.node)?.getParameters().length === 4) return true;
  return mw.node.getSourceFile() === route.getSourceFile() && mw.node.getStart() > route.getStart();
}

/** The middleware that applies to a path in a container: its ancestors' first, then its own. */
function inheritedChain(c: Container, path: string, route: Node): Middleware[] {
  const lineage: Container[] = [];
  for (let cur: Container | undefined = c; cur && lineage.length < 20; cur = cur.parent) lineage.unshift(cur);
  const out: Middleware[] = [];
  for (const k of lineage) {
    const base = fullPrefix(k);
    for (const { prefix, mw } of k.middleware) {
      const scope = joinPath(base, prefix);
      if ((scope === '/' || path === scope || path.startsWith(`${scope}/`)) && !after(mw, route, k.framework)) out.push(mw);
    }
  }
  return out;
}

/** Config `publicRoutes` (regex sources matched against `METHOD /path` and `/path`). */
function publicReason(method: string, path: string, config: ScanConfig): string | undefined {
  const hit = config.publicRoutes.find((re) => new RegExp(re, 'i').test(path) || new RegExp(re, 'i').test(`${method} ${path}`));
  return hit === undefined ? undefined : `declared public in the config (${hit})`;
}

/**
 * Builds the route model: apps → routers/plugins → middleware chain → handler, for Express, Fastify and Koa.
 * Routers mounted from other files, `fastify.register(plugin, { prefix })`, and functions that receive the app
 * are followed.
 */
export function buildRouteModel(nodes: NodeIndex, config: ScanConfig): RouteModel {
  const reg = new ContainerRegistry();
  findCreations(nodes, reg);
  const candidates: CallExpression[] = nodes.ofKind(SyntaxKind.CallExpression, (n) => {
    const c = n as ts.CallExpression;
    if (ts.isPropertyAccessExpression(c.expression) && (LINK.has(c.expression.name.text) || ROUTE_METHODS.has(c.expression.name.text))) return true;
    return c.arguments.some((a) => ts.isIdentifier(a) && reg.names.has(a.text));
  });
  linkContainers(candidates, reg, config);
  const routes: Route[] = [];
  const handlers = new Map<Node, Route | undefined>();
  const generated = new Set(nodes.files.filter(isSbGenerated));
  for (const call of candidates) {
    // sb scaffold's own registration loop: its table is read below instead.
    if (generated.has(call.getSourceFile())) continue;
    const raw = readRoute(call, reg, config);
    if (raw === undefined) continue;
    const path = joinPath(fullPrefix(raw.container), raw.path);
    const declaredPublic = publicReason(raw.method, path, config);
    const route: Route = {
      ...(declaredPublic ? { declaredPublic } : {}),
      framework: raw.container.framework,
      method: raw.method,
      path,
      node: raw.node,
      chain: [...inheritedChain(raw.container, path, raw.node), ...raw.middleware],
      handler: resolveFunction(raw.handler),
      schema: raw.schema,
      container: raw.container,
    };
    routes.push(route);
    if (route.handler) handlers.set(route.handler, route);
    for (const m of raw.middleware) {
      const f = resolveFunction(m.node);
      if (f && !handlers.has(f)) handlers.set(f, undefined);
    }
  }
  for (const route of sbScaffoldRoutes(nodes)) {
    routes.push(route);
    if (route.handler) handlers.set(route.handler, route);
  }
  const place = (c: Container, method: string, p: string, route: Node): { path: string; chain: Middleware[]; declaredPublic?: string } => {
    const path = joinPath(fullPrefix(c), p);
    const declaredPublic = publicReason(method, path, config);
    return { path, chain: inheritedChain(c, path, route), ...(declaredPublic ? { declaredPublic } : {}) };
  };
  routes.push(...restResourceRoutes(nodes, reg, config, place));
  for (const c of reg.all) {
    for (const { mw } of c.middleware) {
      const f = resolveFunction(mw.node);
      if (f && !handlers.has(f)) handlers.set(f, undefined);
    }
  }
  return { containers: reg.all, routes, handlers };
}
