import Fastify, { type FastifyRequest } from 'fastify';

const app = Fastify();
const authenticate = async (request: FastifyRequest) => { await request.jwtVerify(); };
const requireRole = (role: string) => async (request: FastifyRequest) => {
  if ((request.user as { role: string }).role !== role) throw new Error('forbidden');
};
app.get('/debug/config', { preHandler: [authenticate] }, async () => ({ env: process.env.NODE_ENV }));
app.delete('/api/admin/cache', { preHandler: [authenticate, requireRole('admin')] }, async () => ({ ok: true }));
