import Fastify from 'fastify';

declare const accounts: { create(email: string, verificationCode: string): Promise<void> };

const app = Fastify();

app.post('/signup', async (request: any) => {
  const verificationCode = Date.now().toString(36); // expect: predictable-token
  await accounts.create(request.body.email, verificationCode);
  return { ok: true };
});
