import Fastify from 'fastify';

const app = Fastify({ logger: true }); // expect: missing-helmet
app.get('/', async () => ({ hello: 'world' }));
