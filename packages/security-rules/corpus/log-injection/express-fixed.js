const express = require('express');
const pino = require('pino');

const log = pino();
const app = express();
app.post('/login', (req, res) => {
  const { userName } = req.body;
  console.log('Error: attempt to login with invalid user: %s', String(userName).replace(/[\r\n]/g, '_'));
  log.warn({ userName }, 'invalid login'); // JSON lines: CR/LF are escaped
  res.status(401).end();
});
app.get('/search', (req, res) => {
  console.log('search', JSON.stringify(req.query.q));
  console.log('query object', req.query); // util.inspect escapes line breaks
  res.end();
});
