import { createServer } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { COOKIE_BARE, COOKIE_HARDENED, corsHeaders, listen, PAGE, validateUser, type RunningApp, type Variant } from './variant.js';

/** An Express 5 app with the protections `variant` turns on. */
export async function startExpress(variant: Variant): Promise<RunningApp> {
  const app = express();
  if (variant.helmet) {
    app.use(helmet());
    app.use((_req, res, next) => {
      res.set('cache-control', 'no-store');
      next();
    });
  }
  app.use((req, res, next) => {
    const cors = corsHeaders(variant, req.headers.origin);
    if (cors) res.set(cors);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  });
  app.use(express.json(variant.validation ? { limit: '100kb' } : { limit: '50mb' }));
  app.get('/', (_req, res) => {
    if (variant.rootCookies) res.setHeader('set-cookie', [...variant.rootCookies]);
    if (variant.rootHeaders) res.set(variant.rootHeaders);
    if (variant.root === 'json') res.json({ ok: true });
    else res.type('html').send(variant.rootHtml ?? PAGE);
  });
  const login = (_req: Request, res: Response): void => {
    res.setHeader('set-cookie', variant.cookie === 'hardened' ? COOKIE_HARDENED : COOKIE_BARE);
    res.status(401).json({ error: 'invalid credentials' });
  };
  if (variant.limiter) app.post('/auth/login', rateLimit({ windowMs: 60_000, limit: 5, standardHeaders: 'draft-7', legacyHeaders: false }), login);
  else app.post('/auth/login', login);
  app.post('/users', (req, res) => {
    if (variant.validation) {
      const problem = validateUser(req.body);
      if (problem) {
        res.status(400).json({ error: problem });
        return;
      }
    }
    const body = req.body as { name: string };
    res.status(201).json({ ...body, name: body.name.toUpperCase() });
  });
  app.get('/users', (req, res) => {
    const limit = typeof req.query['limit'] === 'string' ? req.query['limit'] : '10';
    if (variant.validation && !/^\d+$/.test(limit)) {
      res.status(400).json({ error: 'limit must be an integer' });
      return;
    }
    res.json({ users: [], limit: BigInt(limit).toString() });
  });
  app.get('/users/:id', (req, res) => {
    if (variant.validation && !/^\d+$/.test(req.params.id)) {
      res.status(400).json({ error: 'id must be an integer' });
      return;
    }
    res.json({ id: BigInt(req.params.id).toString() });
  });
  if (variant.validation) {
    app.use((err: { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
      const status = err.status && err.status < 500 ? err.status : 500;
      res.status(status).json({ error: status === 413 ? 'body too large' : 'bad request' });
    });
  }
  return listen(createServer(app));
}
