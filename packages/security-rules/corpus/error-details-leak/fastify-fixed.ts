import Fastify from 'fastify';

const app = Fastify();
app.setErrorHandler((error: Error, request: any, reply: any) => {
  request.log.error(error);
  reply.status(500).send({ message: 'internal error' });
});
app.get('/', async () => ({}));
