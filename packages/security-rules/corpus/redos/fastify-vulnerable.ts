import Fastify from 'fastify';

const app = Fastify();

app.get('/slug', async (request: any) => {
  return { ok: /^(\w+\s?)*$/.test(request.query.title) }; // expect: redos
});
