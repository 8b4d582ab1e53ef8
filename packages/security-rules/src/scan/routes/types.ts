import type { Node } from 'ts-morph';
import type { FunctionLike } from '../symbols/declarations.js';

/** The web frameworks the route model understands. */
export type Framework = 'express' | 'fastify' | 'koa';

/** What a middleware (or Fastify hook/plugin) does, as far as the rules care. */
export type MiddlewareKind = 'rate-limit' | 'auth' | 'validation' | 'helmet' | 'cors' | 'other';

/** One entry of a route's middleware chain. */
export interface Middleware {
  readonly node: Node;
  readonly kinds: ReadonlySet<MiddlewareKind>;
  /** Source text, shortened: `rateLimit({ windowMs: 60000 })`. */
  readonly label: string;
}

/** An app, router or Fastify plugin scope: routes and middleware hang off these. */
export interface Container {
  readonly framework: Framework;
  readonly kind: 'app' | 'router' | 'plugin';
  /** The declaration that identifies it: a variable, or a plugin function's first parameter. */
  readonly node: Node;
  prefix: string;
  parent: Container | undefined;
  readonly middleware: { readonly prefix: string; readonly mw: Middleware }[];
}

/** One route: method, full path, its middleware chain (outermost first) and its handler. */
export interface Route {
  readonly framework: Framework;
  readonly method: string;
  readonly path: string;
  /** The registration call (`app.post(...)`), where per-route findings point. */
  readonly node: Node;
  readonly chain: readonly Middleware[];
  readonly handler: FunctionLike | undefined;
  /** Fastify `schema` object, when the route declares one. */
  readonly schema: Node | undefined;
  readonly container: Container;
}

/** The whole route model of a project. */
export interface RouteModel {
  readonly containers: readonly Container[];
  readonly routes: readonly Route[];
  /** Every function used as a handler or middleware, with its route (if any): their first parameter is the request. */
  readonly handlers: ReadonlyMap<Node, Route | undefined>;
}

/** `POST /auth/login`. */
export const routeLabel = (r: Route): string => `${r.method} ${r.path}`;
