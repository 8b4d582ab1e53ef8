import Fastify from 'fastify';
import { readFile } from 'node:fs/promises';

const app = Fastify();

app.get('/logs', async (request: any) => {
  return readFile('/var/log/app/' + request.query.name, 'utf8'); // expect: path-traversal
});
