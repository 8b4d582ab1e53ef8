import Fastify from 'fastify';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

const app = Fastify();

app.get('/logs', async (request: any) => {
  return readFile('/var/log/app/' + basename(request.query.name), 'utf8');
});
