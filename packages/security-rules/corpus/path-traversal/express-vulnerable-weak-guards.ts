import express from 'express';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const app = express();
const ROOT = '/srv/files';

// includes() on the value itself does not constrain it: '../../etc/passwd.pdf' passes.
app.get('/docs', (req, res) => {
  const name = String(req.query.name);
  if (name.includes('.pdf')) res.send(readFileSync(path.join(ROOT, name))); // expect: path-traversal
});

// An unanchored pattern matches inside any string.
app.get('/images', (req, res) => {
  const name = String(req.query.name);
  if (!/[a-z]+\.png/.test(name)) return res.sendStatus(400);
  res.send(readFileSync(path.join(ROOT, name))); // expect: path-traversal
});
