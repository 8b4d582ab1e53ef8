import type Router from '@koa/router';
import type { Context } from 'koa';
import { handle, methodNotAllowed, serialize, type AuthenticateHook, type BodyState, type RawRequest, type RouteSpec } from './runtime.gen.js';
import * as T from './route-table.gen.js';

/** What the routes need from the app. */
export interface RouteDeps {
  authenticate: AuthenticateHook;
}

function route(spec: RouteSpec, names: readonly string[], deps: RouteDeps) {
  return async (ctx: Context): Promise<void> => {
    const source = ((ctx as unknown as { params?: Record<string, string> }).params ?? {});
    const params: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
    names.forEach((name, i) => {
      params[name] = source['p' + i];
    });
    const state = ctx.state as Partial<BodyState> & { requestId: string };
    const raw: RawRequest = { params, query: ctx.query as Record<string, unknown>, headers: ctx.headers, body: state.body, hasBody: state.hasBody === true };
    const result = await handle(spec, raw, T.schemes, deps.authenticate, state.requestId);
    const { payload, contentType } = serialize(result.body);
    ctx.status = result.status;
    for (const [k, v] of Object.entries(result.headers ?? {})) ctx.set(k, v);
    if (contentType !== undefined && !ctx.response.get('content-type')) ctx.type = contentType;
    ctx.body = payload === undefined ? null : typeof payload === 'string' ? payload : Buffer.from(payload);
  };
}

function notAllowed(allow: readonly string[]) {
  return async (ctx: Context): Promise<void> => {
    throw methodNotAllowed(ctx.method, allow);
  };
}

/** [method, route, operation, spec names of the :p0, :p1… parameters], in registration order. */
const ROUTES: readonly (readonly [string, string, RouteSpec, readonly string[]])[] = [
  // @sb-slot routes
];

/** [route, allowed methods] of every path, for 405 answers. */
const PATHS: readonly (readonly [string, readonly string[]])[] = [
  // @sb-slot paths
];

/** Registers every operation of the spec on `router`. */
export function registerRoutes(router: Router, deps: RouteDeps): void {
  for (const [method, path, spec, names] of ROUTES) router.register(path, [method], route(spec, names, deps));
  for (const [path, allow] of PATHS) router.all(path, notAllowed(allow));
}
