import Fastify from 'fastify';

declare const accounts: { findByEmail(email: string): Promise<{ id: string } | undefined> };
declare function sendResetLink(account: { id: string }): Promise<void>;

const app = Fastify();

app.post('/password/forgot', async (request: any, reply) => {
  const account = await accounts.findByEmail(request.body.email);
  if (account !== undefined) await sendResetLink(account);
  return reply.send({ message: 'if this address has an account, a reset link is on its way' });
});
