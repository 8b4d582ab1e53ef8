import Fastify, { type FastifyInstance } from 'fastify';

const app = Fastify();

async function authRoutes(instance: FastifyInstance) {
  instance.post('/login', async () => ({ token: 'x' })); // expect: missing-rate-limit
  instance.post('/register', async () => ({ ok: true })); // expect: missing-rate-limit
}

app.register(authRoutes, { prefix: '/v1' });
