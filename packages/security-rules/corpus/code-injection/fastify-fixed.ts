import Fastify from 'fastify';

const app = Fastify();

app.get('/delay', async (request: any) => {
  const msg = String(request.query.msg);
  setTimeout(() => console.log(msg), 100);
  return 'scheduled';
});
