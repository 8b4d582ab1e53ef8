const crypto = require('crypto');
const argon2 = require('argon2');
const express = require('express');
const app = express();
app.post('/signup', async (req, res) => {
  const hash = await argon2.hash(String(req.body.password));
  const checksum = crypto.createHash('sha256').update(hash).digest('hex');
  res.json({ checksum });
});
