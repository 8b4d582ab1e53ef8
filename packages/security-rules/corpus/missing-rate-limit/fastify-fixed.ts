import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';

const app = Fastify();
app.register(rateLimit, { global: false });

async function authRoutes(instance: FastifyInstance) {
  instance.post('/login', { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async () => ({ token: 'x' }));
  instance.post('/register', { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
}

app.register(authRoutes, { prefix: '/v1' });
