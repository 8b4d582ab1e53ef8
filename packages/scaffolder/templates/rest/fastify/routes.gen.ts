import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { decodeBody, handle, methodNotAllowed, notFound, serialize, type AuthenticateHook, type RawRequest, type RouteSpec } from './runtime.gen.js';
import * as T from './route-table.gen.js';

/** What the routes need from the app. */
export interface RouteDeps {
  authenticate: AuthenticateHook;
  /** Largest body once inflated, in bytes. */
  bodyLimit: number;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

function route(spec: RouteSpec, names: readonly string[], deps: RouteDeps) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const source = (req.params ?? {}) as Record<string, string | undefined>;
    const params: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
    names.forEach((name, i) => {
      params[name] = source['p' + i];
    });
    // An empty segment (`/pets/` against `/pets/:p0`) is another URL, as on the other targets.
    if (names.some((name) => params[name] === '')) throw notFound(req.method, req.url.split('?')[0] ?? '');
    const body = decodeBody(req.body instanceof Uint8Array ? req.body : undefined, req.headers, deps.bodyLimit);
    const raw: RawRequest = { params, query: (req.query ?? {}) as Record<string, unknown>, headers: req.headers, ...body };
    const result = await handle(spec, raw, T.schemes, deps.authenticate, req.id);
    const { payload, contentType } = serialize(result.body);
    reply.code(result.status);
    for (const [k, v] of Object.entries(result.headers ?? {})) reply.header(k, v);
    if (contentType !== undefined && !reply.hasHeader('content-type')) reply.header('content-type', contentType);
    return reply.send(payload);
  };
}

function notAllowed(app: FastifyInstance, url: string, allow: readonly string[]): void {
  const others = METHODS.filter((m) => !allow.includes(m));
  if (others.length === 0) return;
  app.route({
    method: [...others],
    url,
    handler: async (req: FastifyRequest) => {
      throw methodNotAllowed(req.method, allow);
    },
  });
}

/** [method, route, operation, spec names of the :p0, :p1… parameters]. */
const ROUTES: readonly (readonly [HTTPMethods, string, RouteSpec, readonly string[]])[] = [
  // @sb-slot routes
];

/** [route, allowed methods] of every path, for 405 answers. */
const PATHS: readonly (readonly [string, readonly string[]])[] = [
  // @sb-slot paths
];

/** Registers every operation of the spec on `app`. */
export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  for (const [method, url, spec, names] of ROUTES) app.route({ method, url, handler: route(spec, names, deps) });
  for (const [url, allow] of PATHS) notAllowed(app, url, allow);
}
