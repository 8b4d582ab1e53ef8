import Fastify from 'fastify';

const app = Fastify();

app.post('/filter', async (request: any) => {
  return { ok: String(request.body.pattern).includes('abc') };
});
