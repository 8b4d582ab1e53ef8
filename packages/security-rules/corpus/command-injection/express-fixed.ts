import express from 'express';
import { execFile } from 'node:child_process';

const app = express();

function exec(cmd: string) {
  return cmd.length;
}

app.get('/ping', (req, res) => {
  execFile('ping', ['-c', '1', String(req.query.host)], (_err, stdout) => res.send(stdout));
});

// A worker on the running Node binary, as a generated smoke test starts its server: the program is not input.
app.post('/reindex', (_req, res) => {
  execFile(process.execPath, ['reindex.js'], () => res.sendStatus(202));
});

app.get('/len', (req, res) => {
  res.json({ n: exec(String(req.query.q)) });
});
