import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';

const app = Fastify({ trustProxy: '10.0.0.1' });
await app.register(rateLimit, {
  max: 10,
  timeWindow: '1 minute',
  keyGenerator: (request) => String(request.headers['x-forwarded-for']).split(',').map((s) => s.trim()).pop() ?? request.ip,
});
app.post('/token', async () => ({ ok: true }));
