import Fastify from 'fastify';

const app = Fastify();
app.get('/items/:name', async (request) => {
  const { name } = request.params as { name: string };
  console.warn('unknown item ' + name); // expect: log-injection
  return {};
});
