import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import { limits } from './limits.js';
import { mountGraphql } from './mount.gen.js';

const app = Fastify({ bodyLimit: limits.maxBodyBytes });
// GraphiQL needs inline scripts: the strict policy applies only when the IDE is off (production).
await app.register(helmet, { contentSecurityPolicy: limits.ide ? false : { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
app.addHook('onSend', async (_req, reply) => {
  reply.header('cache-control', 'no-store');
});
mountGraphql(app);

const port = Number(process.env['PORT'] ?? 3000);
const address = await app.listen({ port, host: process.env['HOST'] ?? '127.0.0.1' });
console.log(`GraphQL on ${address}/graphql`);
