import express from 'express';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const app = express();
const ROOT = '/srv/files';
const REPORTS: Record<string, string> = { q1: 'q1.pdf', q2: 'q2.pdf' };
const EXTENSIONS = ['pdf', 'csv'];

// The key is checked against a map before any file access.
app.get('/reports/:name', (req, res) => {
  if (!REPORTS[req.params.name]) return res.sendStatus(404);
  res.send(readFileSync(path.join(ROOT, req.params.name)));
});

// An id plus an allow-listed extension.
app.get('/exports/:id', (req, res) => {
  const id = Number(req.params.id);
  const ext = String(req.query.format);
  if (!EXTENSIONS.includes(ext)) {
    res.sendStatus(400);
    return;
  }
  res.send(readFileSync(path.join(ROOT, `${id}.${ext}`)));
});

// A fully anchored pattern.
app.get('/avatars/:name', (req, res) => {
  const name = req.params.name;
  if (/^[a-z0-9-]+\.png$/.test(name)) res.send(readFileSync(path.join(ROOT, name)));
  else res.sendStatus(400);
});
