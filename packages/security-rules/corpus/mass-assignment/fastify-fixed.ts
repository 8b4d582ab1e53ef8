import Fastify from 'fastify';

declare const prisma: { user: { update(args: unknown): Promise<unknown> } };
const app = Fastify();

app.put('/me', async (request) => {
  const { name } = request.body as { name: string };
  return prisma.user.update({ where: { id: '1' }, data: { name } });
});
