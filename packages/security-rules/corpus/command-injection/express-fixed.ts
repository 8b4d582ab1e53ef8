import express from 'express';
import { execFile } from 'node:child_process';

const app = express();

function exec(cmd: string) {
  return cmd.length;
}

app.get('/ping', (req, res) => {
  execFile('ping', ['-c', '1', String(req.query.host)], (_err, stdout) => res.send(stdout));
});

app.get('/len', (req, res) => {
  res.json({ n: exec(String(req.query.q)) });
});
