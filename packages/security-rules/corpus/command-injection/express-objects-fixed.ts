import express from 'express';
import { execFile } from 'node:child_process';

const app = express();
app.use(express.json());

class BackupJob {
  constructor(private readonly target: string) {}
  run(): void {
    execFile('tar', ['czf', `/backups/${this.target.replace(/[^\w-]/g, '')}.tgz`, '/data']);
  }
}

function withField(req: express.Request, name: string, use: (value: string) => void): void {
  use(String(req.body[name]));
}

app.post('/backup', (req, res) => {
  new BackupJob(req.body.target).run();
  res.end();
});

app.post('/ping', (req, res) => {
  withField(req, 'host', (host) => execFile('ping', ['-c', '1', host]));
  res.end();
});
