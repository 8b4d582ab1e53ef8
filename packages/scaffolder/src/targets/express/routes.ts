import { GENERATED_HEADER } from '../../emit/header.js';
import { str } from '../../emit/literal.js';
import type { ApiModel } from '../../model/model.js';
import type { ScaffoldWarning } from '../../result.js';
import { toPathToRegexp } from '../path-to-regexp.js';
import { methodsByPath, routeOrder } from '../route-order.js';

const PRELUDE = `import type { NextFunction, Request, Response, Router } from 'express';
import { handle, methodNotAllowed, serialize, type AuthenticateHook, type HandlerResult, type RawRequest, type RouteSpec } from './runtime.gen.js';
import * as T from './route-table.gen.js';

/** What the routes need from the app. */
export interface RouteDeps {
  authenticate: AuthenticateHook;
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
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
    const raw: RawRequest = { params, query: req.query as Record<string, unknown>, headers: req.headers, body: req.body as unknown, hasBody: hasBody(req) };
    handle(spec, raw, T.schemes, deps.authenticate, String(res.locals['requestId'])).then((result) => send(res, result), next);
  };
}

function notAllowed(allow: readonly string[]) {
  return (req: Request, _res: Response, next: NextFunction): void => next(methodNotAllowed(req.method, allow));
}
`;

/** `routes.gen.ts` for Express 5: one `router.<method>()` per operation, then a 405 catch-all per path. */
export function expressRoutesFile(model: ApiModel, _warnings: ScaffoldWarning[]): string {
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
