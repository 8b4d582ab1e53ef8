import Router from '@koa/router';
import Koa, { type Context, type Next } from 'koa';
import helmet from 'koa-helmet';
import { ApiError, checkUrl, decodeBody, notFound, readBytes, requestIdOf, toErrorResponse, type AuthenticateHook } from './runtime.gen.js';
import { registerRoutes } from './routes.gen.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Your credential check (see auth.ts). Protected routes answer 401 when it returns nothing. */
  authenticate: AuthenticateHook;
  /** Largest accepted body in bytes (also once inflated); larger ones answer 413. Default 1 MiB. */
  bodyLimit?: number;
  /** Called with every unexpected error (the client only sees a 500 without details). */
  onError?: (err: unknown, requestId: string) => void;
}

/** The Koa app: request ids, one body reader shared with the other targets, strict routes, 404/405/413 and JSON errors. */
export function createApp(options: AppOptions): Koa {
  const app = new Koa();
  const limit = options.bodyLimit ?? 1048576;
  app.use(helmet());
  app.use(async (ctx: Context, next: Next) => {
    const id = requestIdOf(ctx.headers['x-request-id']);
    ctx.state['requestId'] = id;
    ctx.set('x-request-id', id);
    try {
      const bad = checkUrl(ctx.url);
      if (bad) throw bad;
      await next();
    } catch (err) {
      if (!(err instanceof ApiError)) options.onError?.(err, id);
      const { status, body, headers } = toErrorResponse(err, id);
      ctx.status = status;
      for (const [k, v] of Object.entries(headers)) ctx.set(k, v);
      ctx.body = body;
    }
  });
  app.use(async (ctx: Context, next: Next) => {
    Object.assign(ctx.state, decodeBody(await readBytes(ctx.req, ctx.headers, limit), ctx.headers, limit));
    await next();
  });
  const router = new Router({ strict: true });
  registerRoutes(router, { authenticate: options.authenticate });
  app.use(router.routes());
  app.use(async (ctx: Context) => {
    throw notFound(ctx.method, ctx.path);
  });
  return app;
}
