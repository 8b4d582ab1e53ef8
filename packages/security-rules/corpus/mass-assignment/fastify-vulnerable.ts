import Fastify from 'fastify';

declare const prisma: { user: { update(args: unknown): Promise<unknown> } };
const app = Fastify();

app.put('/me', async (request) => {
  const data = request.body;
  return prisma.user.update({ where: { id: '1' }, data: { ...(data as object) } }); // expect: mass-assignment
});
