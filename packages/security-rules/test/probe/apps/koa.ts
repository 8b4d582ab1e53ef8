import { createServer } from 'node:http';
import { Router } from '@koa/router';
import Koa, { type Context, type Next } from 'koa';
import helmet from 'koa-helmet';
import ratelimit from 'koa-ratelimit';
import { COOKIE_BARE, COOKIE_HARDENED, corsHeaders, listen, PAGE, validateUser, type RunningApp, type Variant } from './variant.js';

/** Reads a JSON body (Koa has none built in); `limit` in bytes answers 413 above it. */
function jsonBody(limit: number) {
  return async (ctx: Context, next: Next): Promise<void> => {
    if (ctx.is('application/json')) {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of ctx.req) {
        size += (chunk as Buffer).length;
        if (size > limit) ctx.throw(413, 'body too large');
        chunks.push(chunk as Buffer);
      }
      (ctx.request as unknown as { body: unknown }).body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    }
    await next();
  };
}

/** A Koa 3 app with the protections `variant` turns on. */
export async function startKoa(variant: Variant): Promise<RunningApp> {
  const app = new Koa();
  if (variant.validation) {
    app.use(async (ctx, next) => {
      try {
        await next();
      } catch (err) {
        const status = (err as { status?: number }).status ?? 400;
        ctx.status = status < 500 ? status : 400;
        ctx.body = { error: 'bad request' };
      }
    });
  }
  if (variant.helmet) {
    app.use(helmet());
    app.use(async (ctx, next) => {
      ctx.set('cache-control', 'no-store');
      await next();
    });
  }
  app.use(async (ctx, next) => {
    const cors = corsHeaders(variant, ctx.get('origin') || undefined);
    if (cors) ctx.set(cors);
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    await next();
  });
  app.use(jsonBody(variant.validation ? 100 * 1024 : 50 * 1024 * 1024));
  const router = new Router();
  router.get('/', (ctx) => {
    if (variant.rootCookies) ctx.set('set-cookie', [...variant.rootCookies]);
    if (variant.rootHeaders) ctx.set(variant.rootHeaders);
    if (variant.root === 'json') ctx.body = { ok: true };
    else {
      ctx.type = 'html';
      ctx.body = PAGE;
    }
  });
  const limiter = ratelimit({ driver: 'memory', db: new Map(), duration: 60_000, max: 5, id: (ctx) => ctx.ip });
  router.post('/auth/login', ...(variant.limiter ? [limiter] : []), (ctx) => {
    ctx.set('set-cookie', variant.cookie === 'hardened' ? COOKIE_HARDENED : COOKIE_BARE);
    ctx.status = 401;
    ctx.body = { error: 'invalid credentials' };
  });
  router.post('/users', (ctx) => {
    const body = (ctx.request as unknown as { body: unknown }).body;
    if (variant.validation) {
      const problem = validateUser(body);
      if (problem) ctx.throw(400, problem);
    }
    ctx.status = 201;
    ctx.body = { ...(body as object), name: (body as { name: string }).name.toUpperCase() };
  });
  router.get('/users', (ctx) => {
    const limit = typeof ctx.query['limit'] === 'string' ? ctx.query['limit'] : '10';
    if (variant.validation && !/^\d+$/.test(limit)) ctx.throw(400, 'limit must be an integer');
    ctx.body = { users: [], limit: BigInt(limit).toString() };
  });
  router.get('/users/:id', (ctx) => {
    if (variant.validation && !/^\d+$/.test(ctx.params['id'] ?? '')) ctx.throw(400, 'id must be an integer');
    ctx.body = { id: BigInt(ctx.params['id'] ?? '').toString() };
  });
  app.use(router.routes()).use(router.allowedMethods());
  app.silent = true;
  return listen(createServer(app.callback()));
}
