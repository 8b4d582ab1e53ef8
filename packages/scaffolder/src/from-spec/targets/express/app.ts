import { GENERATED_HEADER } from '../../emit/header.js';

const APP = `import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { ApiError, notFound, requestIdOf, toErrorResponse, type AuthenticateHook } from './runtime.gen.js';
import { registerRoutes } from './routes.gen.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Your credential check (see auth.ts). Protected routes answer 401 when it returns nothing. */
  authenticate: AuthenticateHook;
  /** Largest accepted body (bytes or e.g. '1mb'); larger ones answer 413. Default 1 MiB. */
  bodyLimit?: number | string;
  /** Called with every unexpected error (the client only sees a 500 without details). */
  onError?: (err: unknown, requestId: string) => void;
}

function sendError(res: Response, err: unknown): void {
  const { status, body, headers } = toErrorResponse(err, String(res.locals['requestId']));
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(status).json(body);
}

/** Maps body-parser failures to the error envelope. */
function bodyError(err: unknown): ApiError | undefined {
  const type = typeof err === 'object' && err !== null ? (err as { type?: unknown }).type : undefined;
  if (type === 'entity.too.large') return new ApiError(413, 'PAYLOAD_TOO_LARGE', 'request body is too large');
  if (type === 'entity.parse.failed') return new ApiError(400, 'INVALID_BODY', 'request body is not valid for its content-type');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'unsupported body encoding');
  return undefined;
}

/** The Express app: request ids, body parsing with a size limit, the routes, 404/405/413 and JSON errors. */
export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet());
  app.set('query parser', 'simple');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const id = requestIdOf(req.headers['x-request-id']);
    res.locals['requestId'] = id;
    res.setHeader('x-request-id', id);
    next();
  });
  const limit = options.bodyLimit ?? 1048576;
  app.use(express.json({ limit, type: ['application/json', 'application/*+json'] }));
  app.use(express.urlencoded({ extended: false, limit }));
  app.use(express.text({ limit, type: 'text/*' }));
  app.use(express.raw({ limit, type: () => true }));
  const router = express.Router();
  registerRoutes(router, { authenticate: options.authenticate });
  app.use(router);
  app.use((req: Request, _res: Response, next: NextFunction) => next(notFound(req.method, req.path)));
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const mapped = err instanceof ApiError ? err : bodyError(err);
    if (!mapped) options.onError?.(err, String(res.locals['requestId']));
    sendError(res, mapped ?? err);
  });
  return app;
}
`;

/** `app.gen.ts` for Express 5. */
export function expressAppFile(): string {
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

/** `server.ts` for Express. */
export function expressServerFile(): string {
  return SERVER;
}
