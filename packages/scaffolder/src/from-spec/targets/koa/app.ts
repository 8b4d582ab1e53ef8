import { GENERATED_HEADER } from '../../emit/header.js';

const APP = `import Router from '@koa/router';
import Koa, { type Context, type Next } from 'koa';
import helmet from 'koa-helmet';
import { ApiError, notFound, parseForm, requestIdOf, toErrorResponse, type AuthenticateHook } from './runtime.gen.js';
import { registerRoutes, type BodyState } from './routes.gen.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Your credential check (see auth.ts). Protected routes answer 401 when it returns nothing. */
  authenticate: AuthenticateHook;
  /** Largest accepted body in bytes; larger ones answer 413. Default 1 MiB. */
  bodyLimit?: number;
  /** Called with every unexpected error (the client only sees a 500 without details). */
  onError?: (err: unknown, requestId: string) => void;
}

/** Reads the body up to \`limit\` bytes and parses it by content-type (JSON, form, text, else bytes). */
async function readBody(ctx: Context, limit: number): Promise<BodyState> {
  const declared = ctx.get('content-length');
  const chunked = ctx.get('transfer-encoding') !== '';
  if (!chunked && (declared === '' || declared === '0')) return { body: undefined, hasBody: false };
  if (declared !== '' && Number(declared) > limit) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'request body is too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'request body is too large');
    chunks.push(buf);
  }
  const bytes = Buffer.concat(chunks);
  const mime = (ctx.get('content-type').split(';')[0] ?? '').trim().toLowerCase();
  if (mime === 'application/json' || mime.endsWith('+json')) {
    try {
      return { body: JSON.parse(bytes.toString('utf8')) as unknown, hasBody: true };
    } catch {
      throw new ApiError(400, 'INVALID_BODY', 'request body is not valid JSON');
    }
  }
  if (mime === 'application/x-www-form-urlencoded') return { body: parseForm(bytes.toString('utf8')), hasBody: true };
  if (mime.startsWith('text/')) return { body: bytes.toString('utf8'), hasBody: true };
  return { body: new Uint8Array(bytes), hasBody: true };
}

/** The Koa app: request ids, body parsing with a size limit, the routes, 404/405/413 and JSON errors. */
export function createApp(options: AppOptions): Koa {
  const app = new Koa();
  const limit = options.bodyLimit ?? 1048576;
  app.use(helmet());
  app.use(async (ctx: Context, next: Next) => {
    const id = requestIdOf(ctx.headers['x-request-id']);
    ctx.state['requestId'] = id;
    ctx.set('x-request-id', id);
    try {
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
    Object.assign(ctx.state, await readBody(ctx, limit));
    await next();
  });
  const router = new Router();
  registerRoutes(router, { authenticate: options.authenticate });
  app.use(router.routes());
  app.use(async (ctx: Context) => {
    throw notFound(ctx.method, ctx.path);
  });
  return app;
}
`;

/** `app.gen.ts` for Koa 3. */
export function koaAppFile(): string {
  return `${GENERATED_HEADER}\n${APP}`;
}

const SERVER = `// The server entry: created once by sb scaffold, yours to change.
import { createApp } from './app.gen.js';
import { authenticate } from './auth.js';

const port = Number(process.env['PORT'] ?? 3000);
createApp({ authenticate, onError: (err, requestId) => console.error(requestId, err) }).listen(port, '127.0.0.1', () => {
  console.log('listening on http://127.0.0.1:' + port);
});
`;

/** \`server.ts\` for Koa. */
export function koaServerFile(): string {
  return SERVER;
}
