import Fastify from 'fastify';

const app = Fastify();

app.post('/filter', async (request: any) => {
  const { pattern } = request.body;
  return { ok: RegExp(pattern).test('abc') }; // expect: regex-injection
});
