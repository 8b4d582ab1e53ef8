import Fastify from 'fastify';
import { execFileSync, spawn } from 'child_process';

const app = Fastify();

app.post('/backup', async (request: any) => {
  const name = String(request.body.name).replace(/[^a-z0-9]/gi, '');
  return execFileSync('tar', ['czf', `/backups/${name}.tgz`, '/data']).toString();
});

app.get('/run', async () => {
  spawn('ls', ['-la'], { shell: false });
  return 'ok';
});
