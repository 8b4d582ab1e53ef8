import Fastify from 'fastify';
import fastifySession from '@fastify/session';

const app = Fastify();
app.register(fastifySession, { secret: process.env.SESSION_SECRET ?? '', cookie: { secure: true, sameSite: 'strict' } });
app.delete('/posts/:id', async () => ({ ok: true }));
