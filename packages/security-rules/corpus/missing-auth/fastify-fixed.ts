import Fastify from 'fastify';

const app = Fastify();
const authenticate = async (request: any) => { await request.jwtVerify(); };
app.addHook('onRequest', authenticate);

app.post('/orders', async () => ({ ok: true }));
app.patch('/orders/:id', async () => ({ ok: true }));
