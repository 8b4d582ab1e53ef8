import Fastify from 'fastify';

const app = Fastify();
app.get('/theme', async (_request: any, reply: any) => {
  reply.setCookie('session', 'abc', { path: '/' }); // expect: insecure-cookie
  return 'ok';
});
