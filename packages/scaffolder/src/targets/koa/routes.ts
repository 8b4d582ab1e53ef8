import { GENERATED_HEADER } from '../../emit/header.js';
import { str } from '../../emit/literal.js';
import type { ApiModel } from '../../model/model.js';
import type { ScaffoldWarning } from '../../result.js';
import { toPathToRegexp } from '../path-to-regexp.js';
import { methodsByPath, routeOrder } from '../route-order.js';

const PRELUDE = `import type Router from '@koa/router';
import type { Context } from 'koa';
import { handle, methodNotAllowed, serialize, type AuthenticateHook, type RawRequest, type RouteSpec } from './runtime.gen.js';
import * as T from './route-table.gen.js';

/** What the routes need from the app. */
export interface RouteDeps {
  authenticate: AuthenticateHook;
}

/** The parsed body the app's body reader leaves in ctx.state. */
export interface BodyState {
  body: unknown;
  hasBody: boolean;
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
`;

/** `routes.gen.ts` for Koa 3 with @koa/router: one `router.<method>()` per operation, then a 405 catch-all per path. */
export function koaRoutesFile(model: ApiModel, _warnings: ScaffoldWarning[]): string {
  const lines: string[] = [];
  for (const op of routeOrder(model.operations)) {
    const { route, names } = toPathToRegexp(op.path);
    lines.push(`  router.${op.method}(${str(route)}, route(T.${op.name}, [${names.map(str).join(', ')}], deps));`);
  }
  for (const [path, methods] of methodsByPath(routeOrder(model.operations))) {
    const allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
    lines.push(`  router.all(${str(toPathToRegexp(path).route)}, notAllowed([${allow.map(str).join(', ')}]));`);
  }
  return `${GENERATED_HEADER}\n${PRELUDE}\n/** Registers every operation of the spec on \`router\`. */\nexport function registerRoutes(router: Router, deps: RouteDeps): void {\n${lines.join('\n')}\n}\n`;
}
