import Fastify from 'fastify';
import helmet from '@fastify/helmet';

const app = Fastify({ logger: true });
await app.register(helmet);
app.get('/', async () => ({ hello: 'world' }));
