import express from 'express';
import fs from 'node:fs';
import path from 'node:path';

const app = express();
const UPLOADS = '/srv/uploads';

app.get('/files/:name', (req, res) => {
  const full = path.join(UPLOADS, req.params.name);
  res.send(fs.readFileSync(full, 'utf8')); // expect: path-traversal
});

app.get('/download', (req, res) => {
  res.download(`${UPLOADS}/${req.query.file}`); // expect: path-traversal
});
