import Fastify from 'fastify';

const app = Fastify();

app.post('/items', async (request: any) => {
  return { created: request.body.title }; // expect: unvalidated-input
});
