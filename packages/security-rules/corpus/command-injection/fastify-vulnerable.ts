import Fastify from 'fastify';
import { execSync, spawn } from 'child_process';

const app = Fastify();

app.post('/backup', async (request: any) => {
  const name: string = request.body.name;
  return execSync(`tar czf /backups/${name}.tgz /data`).toString(); // expect: command-injection
});

app.get('/run', async (request: any) => {
  spawn('sh', ['-c', request.query.cmd], { shell: true }); // expect: command-injection
  return 'ok';
});
