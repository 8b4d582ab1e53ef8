import Fastify from 'fastify';

const app = Fastify();
app.get('/debug/config', async () => ({ env: process.env.NODE_ENV })); // expect: unprotected-admin-route
app.delete('/api/admin/cache', async () => ({ ok: true })); // expect: unprotected-admin-route
