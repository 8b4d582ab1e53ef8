import Fastify from 'fastify';

const app = Fastify();

app.get('/delay', async (request: any) => {
  setTimeout('console.log(' + request.query.msg + ')', 100); // expect: code-injection
  return 'scheduled';
});
