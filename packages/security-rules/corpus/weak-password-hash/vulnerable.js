const crypto = require('crypto');
const express = require('express');
const app = express();
app.post('/signup', (req, res) => {
  const digest = crypto.createHash('sha1').update(req.body.password).digest('hex'); // expect: weak-password-hash
  res.json({ digest });
});
