import Fastify from 'fastify';

const app = Fastify();
app.setErrorHandler((error: Error, _request: any, reply: any) => {
  reply.status(500).send({ message: error.message, trace: error.stack }); // expect: error-details-leak
});
app.get('/', async () => ({}));
