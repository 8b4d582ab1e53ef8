import Fastify from 'fastify';
import nunjucks from 'nunjucks';

const app = Fastify();
nunjucks.configure('views', { autoescape: true });

app.get('/greet', async (request, reply) => {
  const { name } = request.query as { name: string };
  reply.send({ greeting: `Hi ${name}` });
});
