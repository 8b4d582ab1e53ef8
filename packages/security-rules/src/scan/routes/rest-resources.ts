import { Node, SyntaxKind, ts, type CallExpression } from 'ts-morph';
import type { ScanConfig } from '../config/scan-config.js';
import type { NodeIndex } from '../project/node-index.js';
import { followConst, objectProperty, stringValue } from '../symbols/declarations.js';
import { refOf } from '../symbols/module-ref.js';
import type { ContainerRegistry } from './containers.js';
import { flatArgs } from './link.js';
import { classifyMiddleware } from './middleware-kind.js';
import type { Container, Middleware, Route } from './types.js';

const RESTIFY = ['express-restify-mongoose'];
const FINALE = ['finale-rest', 'finale', 'epilogue'];

/** Where a route lands in its container: the full path, the inherited chain, and why it is public if declared so. */
export type Placement = (c: Container, method: string, path: string, route: Node) => { path: string; chain: Middleware[]; declaredPublic?: string };

/** The name a model is registered under: `mongoose.model('Customer', …)`, `sequelize.define('User', …)`, else the variable. */
function modelName(model: Node | undefined): string {
  const init = followConst(model);
  if (init && Node.isCallExpression(init)) {
    const name = stringValue(init.getArguments()[0]);
    if (name !== undefined) return name;
  }
  return model?.getText() ?? 'Model';
}

const calls = (nodes: NodeIndex, names: ReadonlySet<string>): CallExpression[] => nodes.ofKind(SyntaxKind.CallExpression, (n) => {
  const e = (n as ts.CallExpression).expression;
  return ts.isPropertyAccessExpression(e) && names.has(e.name.text);
});

/**
 * express-restify-mongoose `serve(router, Model, { prefix, version, name, preMiddleware })`: list, count, create,
 * delete-all, read, update (PUT/POST/PATCH) and delete routes on `/api/v1/<Model>`.
 */
function restifyRoutes(nodes: NodeIndex, reg: ContainerRegistry, config: ScanConfig, place: Placement): Route[] {
  const out: Route[] = [];
  for (const call of calls(nodes, new Set(['serve']))) {
    const ref = refOf(call.getExpression());
    if (ref === undefined || !RESTIFY.includes(ref.module)) continue;
    const [routerArg, model, optsArg] = call.getArguments();
    const container = routerArg ? reg.lookup(routerArg) : undefined;
    if (container === undefined) continue;
    const opts = followConst(optsArg);
    const name = stringValue(objectProperty(opts, 'name')) ?? modelName(model);
    const base = `${stringValue(objectProperty(opts, 'prefix')) ?? '/api'}${stringValue(objectProperty(opts, 'version')) ?? '/v1'}/${objectProperty(opts, 'lowercase')?.getText() === 'true' ? name.toLowerCase() : name}`;
    const pre = objectProperty(opts, 'preMiddleware');
    const mw = pre ? flatArgs([pre]).map((m) => classifyMiddleware(m, config)) : [];
    const guarded = ['private', 'protected', 'readonly', 'access'].some((k) => objectProperty(opts, k) !== undefined);
    const endpoints: [string, string][] = [['GET', base], ['GET', `${base}/count`], ['POST', base], ['DELETE', base], ['GET', `${base}/:id`], ['PUT', `${base}/:id`], ['POST', `${base}/:id`], ['PATCH', `${base}/:id`], ['DELETE', `${base}/:id`]];
    for (const [method, path] of endpoints) out.push(resourceRoute(container, method, path, call, mw, { model: name, node: call, fieldsGuarded: guarded }, place));
  }
  return out;
}

/** finale/epilogue `resource({ model, endpoints: ['/users', '/users/:id'], actions })` on the app given to `initialize({ app, base })`. */
function finaleRoutes(nodes: NodeIndex, reg: ContainerRegistry, place: Placement): Route[] {
  const out: Route[] = [];
  let app: Container | undefined;
  let base = '';
  for (const call of calls(nodes, new Set(['initialize']))) {
    const ref = refOf(call.getExpression());
    if (ref === undefined || !FINALE.includes(ref.module)) continue;
    const opts = followConst(call.getArguments()[0]);
    const appNode = objectProperty(opts, 'app');
    app = appNode ? reg.lookup(appNode) : undefined;
    base = stringValue(objectProperty(opts, 'base')) ?? '';
  }
  if (app === undefined) return out;
  for (const call of calls(nodes, new Set(['resource']))) {
    const ref = refOf(call.getExpression());
    if (ref === undefined || !FINALE.includes(ref.module)) continue;
    const opts = followConst(call.getArguments()[0]);
    const endpoints = objectProperty(opts, 'endpoints');
    const paths = endpoints && Node.isArrayLiteralExpression(endpoints) ? endpoints.getElements().map((e) => stringValue(e)).filter((p): p is string => p !== undefined) : [];
    const actionsNode = objectProperty(opts, 'actions');
    const actions = actionsNode && Node.isArrayLiteralExpression(actionsNode) ? new Set(actionsNode.getElements().map((e) => stringValue(e))) : new Set(['list', 'create', 'read', 'update', 'delete']);
    // `users.all.auth(fn)`, `users.create.auth(fn)`: milestones that run before the action.
    const holder = call.getParent();
    const varName = holder && Node.isVariableDeclaration(holder) ? holder.getName() : undefined;
    const text = call.getSourceFile().getFullText();
    const auth: Middleware[] = varName && new RegExp(`\\b${varName}\\.\\w+\\.auth\\s*\\(`).test(text) ? [{ node: call, kinds: new Set(['auth']), label: `${varName}.auth milestone` }] : [];
    const guarded = varName !== undefined && new RegExp(`\\b${varName}\\.(?:all|create|update)\\.write\\.before\\s*\\(`).test(text);
    const model = modelName(objectProperty(opts, 'model'));
    const [collection, instance] = paths;
    const endpointsOf: [string, string | undefined, string][] = [['list', collection, 'GET'], ['create', collection, 'POST'], ['read', instance, 'GET'], ['update', instance, 'PUT'], ['update', instance, 'PATCH'], ['delete', instance, 'DELETE']];
    for (const [action, path, method] of endpointsOf) {
      if (path === undefined || !actions.has(action)) continue;
      out.push(resourceRoute(app, method, `${base}${path}`, call, auth, { model, node: call, fieldsGuarded: guarded }, place));
    }
  }
  return out;
}

function resourceRoute(container: Container, method: string, path: string, node: CallExpression, mw: Middleware[], resource: NonNullable<Route['resource']>, place: Placement): Route {
  const p = place(container, method, path, node);
  return {
    ...(p.declaredPublic ? { declaredPublic: p.declaredPublic } : {}),
    framework: container.framework,
    method,
    path: p.path,
    node,
    chain: [...p.chain, ...mw],
    handler: undefined,
    schema: undefined,
    container,
    resource,
  };
}

/**
 * Routes registered by libraries that expose ORM models as REST resources (express-restify-mongoose, finale,
 * epilogue): they have no handler in the project, but they read and write the model, so route rules
 * (missing-auth, mass-assignment) apply to them.
 */
export function restResourceRoutes(nodes: NodeIndex, reg: ContainerRegistry, config: ScanConfig, place: Placement): Route[] {
  return [...restifyRoutes(nodes, reg, config, place), ...finaleRoutes(nodes, reg, place)];
}
