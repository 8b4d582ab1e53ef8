import Fastify from 'fastify';

const app = Fastify();

app.get('/out', async (request: any, reply: any) => {
  const to = String(request.query.to);
  if (!to.startsWith('/') || to.startsWith('//')) return reply.redirect('/');
  return reply.redirect(to);
});
