import Fastify, { type FastifyRequest } from 'fastify';

declare const db: { query(sql: string, values: unknown[]): Promise<unknown> };
const app = Fastify();
const authenticate = async (request: FastifyRequest) => { await request.jwtVerify(); };

app.get('/invoices/:invoiceId', { preHandler: [authenticate] }, async (request) => {
  const { invoiceId } = request.params as { invoiceId: string };
  return db.query('SELECT * FROM invoices WHERE id = $1', [invoiceId]); // expect: idor
});
