import Fastify from 'fastify';

const app = Fastify({ logger: true });
app.post('/token/refresh', async (request) => {
  const { token } = request.body as { token: string };
  request.log.info({ tokenLength: token.length }, 'refreshing');
  return { ok: true };
});
