import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
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

function sendError(res: Response, err: unknown): void {
  const { status, body, headers } = toErrorResponse(err, String(res.locals['requestId']));
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(status).json(body);
}

/** The Express app: request ids, one body reader shared with the other targets, strict routes, 404/405/413 and JSON errors. */
export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('strict routing', true);
  app.use(helmet());
  app.set('query parser', 'simple');
  const limit = options.bodyLimit ?? 1048576;
  app.use((req: Request, res: Response, next: NextFunction) => {
    const id = requestIdOf(req.headers['x-request-id']);
    res.locals['requestId'] = id;
    res.setHeader('x-request-id', id);
    const bad = checkUrl(req.url);
    if (bad) return next(bad);
    readBytes(req, req.headers, limit)
      .then((bytes) => decodeBody(bytes, req.headers, limit))
      .then((body) => {
        res.locals['body'] = body;
        next();
      }, next);
  });
  const router = express.Router({ strict: true });
  registerRoutes(router, { authenticate: options.authenticate });
  app.use(router);
  app.use((req: Request, _res: Response, next: NextFunction) => next(notFound(req.method, req.path)));
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (!(err instanceof ApiError)) options.onError?.(err, String(res.locals['requestId']));
    sendError(res, err);
  });
  return app;
}
