// The reset link is accepted when its token equals the random token stored for the user, compared as hashes.
const express = require('express');
const crypto = require('crypto');

const app = express();
const tokens = new Map();
app.post('/forgotpw', (req, res) => {
  tokens.set(String(req.body.login), crypto.randomBytes(32).toString('hex'));
  res.send('if this login exists, a link is on its way');
});
app.get('/resetpw', (req, res) => {
  const stored = tokens.get(String(req.query.login));
  const digest = (v) => crypto.createHash('sha256').update(String(v)).digest('hex');
  if (stored !== undefined && req.query.token === tokens.get(String(req.query.login))) {
    res.render('resetpw', { login: req.query.login });
  } else if (stored !== undefined && digest(req.query.token) === digest(stored)) {
    res.render('resetpw', { login: req.query.login });
  } else {
    res.redirect('/forgotpw');
  }
});
module.exports = app;
