import Fastify from 'fastify';
import deepmerge from 'deepmerge';

const app = Fastify();
const defaults = { a: 1 };

app.post('/config', async (request: any) => {
  return deepmerge(defaults, request.body); // expect: prototype-pollution
});
