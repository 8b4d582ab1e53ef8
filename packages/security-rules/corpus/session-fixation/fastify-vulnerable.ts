import Fastify from 'fastify';
import fastifySession from '@fastify/session';

declare function checkPassword(login: string, password: string): Promise<string | undefined>;

const app = Fastify();
app.register(fastifySession, { secret: process.env.SESSION_SECRET ?? '' });

app.post('/auth/login', async (request: any, reply) => {
  const userId = await checkPassword(request.body.login, request.body.password);
  if (!userId) return reply.code(401).send({ error: 'invalid credentials' });
  request.session.set('userId', userId); // expect: session-fixation
  return { ok: true };
});
