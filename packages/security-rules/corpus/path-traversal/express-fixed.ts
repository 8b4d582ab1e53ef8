import express from 'express';
import fs from 'node:fs';
import path from 'node:path';

const app = express();
const UPLOADS = '/srv/uploads';

app.get('/files/:name', (req, res) => {
  const full = path.join(UPLOADS, path.basename(req.params.name));
  res.send(fs.readFileSync(full, 'utf8'));
});

app.get('/download', (req, res) => {
  const full = path.resolve(UPLOADS, String(req.query.file));
  if (!full.startsWith(UPLOADS + path.sep)) return res.status(400).end();
  res.download(full);
});

app.get('/static/:f', (req, res) => {
  res.sendFile(req.params.f, { root: UPLOADS });
});
