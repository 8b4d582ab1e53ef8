const express = require('express');

const app = express();
app.post('/login', (req, res) => {
  const { userName } = req.body;
  console.log('Error: attempt to login with invalid user: ', userName); // expect: log-injection
  res.status(401).end();
});
app.get('/search', (req, res) => {
  process.stdout.write(`search for ${req.query.q}\n`); // expect: log-injection
  res.end();
});
