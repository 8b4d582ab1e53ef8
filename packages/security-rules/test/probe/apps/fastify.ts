import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { COOKIE_BARE, COOKIE_HARDENED, corsHeaders, PAGE, type RunningApp, type Variant } from './variant.js';

const userSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'email'],
  properties: { name: { type: 'string', minLength: 1 }, age: { type: 'integer' }, email: { type: 'string' } },
} as const;

/** A Fastify 5 app with the protections `variant` turns on. */
export async function startFastify(variant: Variant): Promise<RunningApp> {
  const app = Fastify({
    bodyLimit: variant.validation ? 100 * 1024 : 50 * 1024 * 1024,
    // Reject (not strip) unknown fields, as the spec's additionalProperties: false says.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  });
  if (variant.helmet) await app.register(helmet);
  if (variant.limiter) await app.register(rateLimit, { global: false });
  app.addHook('onRequest', async (req, reply) => {
    const cors = corsHeaders(variant, req.headers.origin);
    if (cors) void reply.headers(cors);
    if (variant.helmet) void reply.header('cache-control', 'no-store');
    if (req.method === 'OPTIONS') return reply.code(204).send();
    return undefined;
  });
  app.get('/', async (_req, reply) => {
    if (variant.rootCookies) void reply.header('set-cookie', [...variant.rootCookies]);
    if (variant.rootHeaders) void reply.headers(variant.rootHeaders);
    return variant.root === 'json' ? { ok: true } : reply.type('text/html').send(PAGE);
  });
  app.post('/auth/login', variant.limiter ? { config: { rateLimit: { max: 5, timeWindow: 60_000 } } } : {}, async (_req, reply) => {
    void reply.header('set-cookie', variant.cookie === 'hardened' ? COOKIE_HARDENED : COOKIE_BARE);
    return reply.code(401).send({ error: 'invalid credentials' });
  });
  app.post('/users', variant.validation ? { schema: { body: userSchema } } : {}, async (req, reply) => {
    const body = req.body as { name: string };
    return reply.code(201).send({ ...body, name: body.name.toUpperCase() });
  });
  app.get('/users', variant.validation ? { schema: { querystring: { type: 'object', properties: { limit: { type: 'integer' } } } } } : {}, async (req) => {
    const { limit = '10' } = req.query as { limit?: string };
    return { users: [], limit: BigInt(limit).toString() };
  });
  app.get('/users/:id', variant.validation ? { schema: { params: { type: 'object', properties: { id: { type: 'integer' } } } } } : {}, async (req) => {
    const { id } = req.params as { id: string };
    return { id: BigInt(id).toString() };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
