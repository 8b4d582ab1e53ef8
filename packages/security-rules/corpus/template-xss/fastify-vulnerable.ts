import Fastify from 'fastify';
import nunjucks from 'nunjucks';

const app = Fastify();
nunjucks.configure('views', { autoescape: false }); // expect: template-xss

app.get('/greet', async (request, reply) => {
  const { name } = request.query as { name: string };
  reply.type('text/html').send(`<h1>Hi ${name}</h1>`); // expect: template-xss
});
