import Fastify from 'fastify';

const app = Fastify({ logger: true });
app.get('/items/:name', async (request) => {
  const { name } = request.params as { name: string };
  request.log.warn({ name }, 'unknown item');
  return {};
});
