import Fastify from 'fastify';

const app = Fastify();
const schema = { body: { type: 'object', required: ['title'], properties: { title: { type: 'string', maxLength: 200 } }, additionalProperties: false } };

app.post('/items', { schema }, async (request: any) => {
  return { created: request.body.title };
});
