import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';

const app = Fastify();
await app.register(rateLimit, {
  max: 10,
  timeWindow: '1 minute',
  keyGenerator: (request) => String(request.headers['x-real-ip']), // expect: rate-limit-bypass
});
app.post('/token', async () => ({ ok: true }));
