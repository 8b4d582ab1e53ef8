import Fastify from 'fastify';

const app = Fastify();
const authenticate = async (request: any) => { await request.jwtVerify(); };

app.post('/orders', { preHandler: [authenticate] }, async () => ({ ok: true }));
app.patch('/orders/:id', async () => ({ ok: true })); // expect: missing-auth
