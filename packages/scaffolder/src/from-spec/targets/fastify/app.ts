import { GENERATED_HEADER } from '../../emit/header.js';

const APP = `import helmet from '@fastify/helmet';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { ApiError, notFound, parseForm, requestIdOf, toErrorResponse, type AuthenticateHook } from './runtime.gen.js';
import { registerRoutes } from './routes.gen.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Your credential check (see auth.ts). Protected routes answer 401 when it returns nothing. */
  authenticate: AuthenticateHook;
  /** Largest accepted body in bytes; larger ones answer 413. Default 1 MiB. */
  bodyLimit?: number;
  /** Called with every unexpected error (the client only sees a 500 without details). */
  onError?: (err: unknown, requestId: string) => void;
}

function sendError(reply: FastifyReply, err: unknown): FastifyReply {
  const { status, body, headers } = toErrorResponse(err, reply.request.id);
  reply.code(status).headers(headers);
  return reply.send(body);
}

/** Maps Fastify's own errors (body too large, bad JSON, unsupported media type) to the envelope. */
function frameworkError(err: FastifyError): ApiError | undefined {
  if (err.statusCode === 413) return new ApiError(413, 'PAYLOAD_TOO_LARGE', 'request body is too large');
  if (err.statusCode === 415) return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'unsupported content-type');
  if (err.code?.startsWith('FST_ERR_CTP_') || err instanceof SyntaxError) return new ApiError(400, 'INVALID_BODY', 'request body is not valid for its content-type');
  return undefined;
}

/** The Fastify app: request ids, body parsing with a size limit, the routes, 404/405/413 and JSON errors. */
export function createApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 1048576,
    genReqId: (req) => requestIdOf(req.headers['x-request-id']),
    logger: false,
  });
  void app.register(helmet);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, parseForm(String(body)));
  });
  app.addContentTypeParser(/^application\\/[^;]*\\+json/, { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(String(body)) as unknown);
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, notFound(req.method, req.url.split('?')[0] ?? '')));
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const mapped = err instanceof ApiError ? err : frameworkError(err);
    if (!mapped) options.onError?.(err, reply.request.id);
    return sendError(reply, mapped ?? err);
  });
  registerRoutes(app, { authenticate: options.authenticate });
  return app;
}
`;

/** `app.gen.ts` for Fastify 5. */
export function fastifyAppFile(): string {
  return `${GENERATED_HEADER}\n${APP}`;
}

const SERVER = `// The server entry: created once by sb scaffold, yours to change.
import { createApp } from './app.gen.js';
import { authenticate } from './auth.js';

const port = Number(process.env['PORT'] ?? 3000);
const app = createApp({ authenticate, onError: (err, requestId) => console.error(requestId, err) });
app.listen({ port, host: '127.0.0.1' }).then((address) => console.log('listening on ' + address));
`;

/** \`server.ts\` for Fastify. */
export function fastifyServerFile(): string {
  return SERVER;
}
