// DVNA-style: no token is ever stored; the reset link is accepted when its token equals a hash of the login.
const express = require('express');
const md5 = require('md5');

const app = express();
app.get('/forgotpw', (req, res) => res.render('forgotpw'));
app.get('/resetpw', (req, res) => {
  if (req.query.token == md5(req.query.login)) { // expect: predictable-token
    res.render('resetpw', { login: req.query.login, token: req.query.token });
  } else {
    res.redirect('/forgotpw');
  }
});
app.post('/resetpw', (req, res) => {
  if (md5(req.body.login) !== req.body.token) return res.redirect('/forgotpw'); // expect: predictable-token
  res.send('password changed');
});
module.exports = app;
