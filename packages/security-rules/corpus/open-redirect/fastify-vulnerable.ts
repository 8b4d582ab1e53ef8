import Fastify from 'fastify';

const app = Fastify();

app.get('/out', async (request: any, reply: any) => {
  return reply.redirect(request.query.to); // expect: open-redirect
});
