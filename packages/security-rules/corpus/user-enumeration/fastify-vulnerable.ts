import Fastify from 'fastify';

declare const accounts: { findByEmail(email: string): Promise<{ id: string } | undefined> };
declare function sendResetLink(account: { id: string }): Promise<void>;

const app = Fastify();

app.post('/password/forgot', async (request: any, reply) => {
  const account = await accounts.findByEmail(request.body.email);
  if (account === undefined) return reply.code(404).send({ error: 'unknown e-mail address' }); // expect: user-enumeration
  await sendResetLink(account);
  return reply.send({ message: 'a reset link is on its way' });
});
