import path from 'node:path';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';

const app = Fastify();
app.register(fastifyStatic, {
  root: path.join(import.meta.dirname, 'uploads'),
  prefix: '/uploads/',
  list: false,
});
