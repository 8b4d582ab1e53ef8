import helmet from '@fastify/helmet';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { ApiError, checkUrl, notFound, requestIdOf, toErrorResponse, type AuthenticateHook } from './runtime.gen.js';
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

function sendError(reply: FastifyReply, err: unknown): FastifyReply {
  const { status, body, headers } = toErrorResponse(err, reply.request.id);
  reply.code(status).headers(headers);
  return reply.send(body);
}

/** Maps Fastify's own errors (body too large, a bad URL, a short body) to the envelope the other targets answer. */
function frameworkError(err: FastifyError): ApiError | undefined {
  if (err.statusCode === 413) return new ApiError(413, 'PAYLOAD_TOO_LARGE', 'request body is too large');
  if (err.code === 'FST_ERR_BAD_URL') return checkUrl('/%') ?? undefined;
  if (err.code?.startsWith('FST_ERR_CTP_')) return new ApiError(400, 'INVALID_BODY', 'request body is not valid for its content-type', [{ in: 'body', field: '', message: 'could not be read' }]);
  return undefined;
}

/** The Fastify app: request ids, raw bodies decoded by the shared runtime, strict routes, 404/405/413 and JSON errors. */
export function createApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 1048576,
    genReqId: (req) => requestIdOf(req.headers['x-request-id']),
    logger: false,
    frameworkErrors: (err, req, reply) => {
      reply.header('x-request-id', req.id);
      return sendError(reply, frameworkError(err) ?? err);
    },
  });
  void app.register(helmet);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    const bad = checkUrl(req.url);
    if (bad) throw bad;
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, notFound(req.method, req.url.split('?')[0] ?? '')));
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const mapped = err instanceof ApiError ? err : frameworkError(err);
    if (!mapped) options.onError?.(err, reply.request.id);
    return sendError(reply, mapped ?? err);
  });
  registerRoutes(app, { authenticate: options.authenticate, bodyLimit: options.bodyLimit ?? 1048576 });
  return app;
}
