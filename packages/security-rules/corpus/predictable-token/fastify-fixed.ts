import Fastify from 'fastify';
import { randomInt } from 'node:crypto';

declare const accounts: { create(email: string, verificationCode: string): Promise<void> };

const app = Fastify();

app.post('/signup', async (request: any) => {
  const verificationCode = String(randomInt(100000, 1000000));
  await accounts.create(request.body.email, verificationCode);
  return { ok: true, requestedAt: Date.now() };
});
