// ES5-style allow-lists: indexOf, hasOwnProperty.call, and a ternary that falls back to a constant.
const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const FILES = { logo: 'logo.png', terms: 'terms.pdf' };
const EXTENSIONS = ['.pdf', '.csv'];

app.get('/files/:key', (req, res) => {
  if (!Object.prototype.hasOwnProperty.call(FILES, req.params.key)) return res.status(404).end();
  res.sendFile(path.join(__dirname, 'files', req.params.key));
});

app.get('/export/:id', (req, res) => {
  const ext = req.query.ext;
  if (EXTENSIONS.indexOf(ext) === -1) return res.status(400).end();
  fs.readFile(path.join('/srv/exports', parseInt(req.params.id, 10) + ext), (err, data) => res.send(data));
});

app.get('/download/:id', (req, res) => {
  const ext = EXTENSIONS.includes(req.query.ext) ? req.query.ext : '.csv';
  res.download(path.join('/srv/exports', `${Number(req.params.id)}${ext}`));
});
