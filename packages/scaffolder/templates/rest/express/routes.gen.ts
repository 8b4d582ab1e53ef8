import type { NextFunction, Request, Response, Router } from 'express';
import { handle, methodNotAllowed, serialize, type AuthenticateHook, type BodyState, type HandlerResult, type RawRequest, type RouteSpec } from './runtime.gen.js';
import * as T from './route-table.gen.js';

/** What the routes need from the app. */
export interface RouteDeps {
  authenticate: AuthenticateHook;
}

function send(res: Response, result: HandlerResult): void {
  const { payload, contentType } = serialize(result.body);
  res.status(result.status);
  for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
  if (contentType !== undefined && !res.hasHeader('content-type')) res.setHeader('content-type', contentType);
  res.end(payload);
}

function route(spec: RouteSpec, names: readonly string[], deps: RouteDeps) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const params: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
    names.forEach((name, i) => {
      const value: unknown = req.params['p' + i];
      params[name] = typeof value === 'string' ? value : undefined;
    });
    const body = (res.locals['body'] as BodyState | undefined) ?? { body: undefined, hasBody: false };
    const raw: RawRequest = { params, query: req.query as Record<string, unknown>, headers: req.headers, ...body };
    handle(spec, raw, T.schemes, deps.authenticate, String(res.locals['requestId'])).then((result) => send(res, result), next);
  };
}

function notAllowed(allow: readonly string[]) {
  return (req: Request, _res: Response, next: NextFunction): void => next(methodNotAllowed(req.method, allow));
}

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** [method, route, operation, spec names of the :p0, :p1… parameters], in registration order. */
const ROUTES: readonly (readonly [Method, string, RouteSpec, readonly string[]])[] = [
  // @sb-slot routes
];

/** [route, allowed methods] of every path, for 405 answers. */
const PATHS: readonly (readonly [string, readonly string[]])[] = [
  // @sb-slot paths
];

/** Registers every operation of the spec on `router`. */
export function registerRoutes(router: Router, deps: RouteDeps): void {
  for (const [method, path, spec, names] of ROUTES) router[method](path, route(spec, names, deps));
  for (const [path, allow] of PATHS) router.all(path, notAllowed(allow));
}
