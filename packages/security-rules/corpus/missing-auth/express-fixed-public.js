// Routes that must work without a session: the request carries the caller's own login, e-mail or token.
const express = require('express');
const passport = require('passport');
const db = require('./db');

const router = express.Router();
const requireUser = passport.authenticate('jwt', { session: false });

router.post('/notes', requireUser, (req, res) => res.status(201).end());

router.post('/forgotpw', function (req, res) {
  db.User.find({ where: { login: req.body.login } }).then(() => res.redirect('/login'));
});

router.post('/resetpw', function (req, res) {
  const { password, token } = req.body;
  db.Passreset.find({ where: { tokenHash: token } }).then((r) => r && db.User.update({ password }, { where: { id: r.userId } }));
  res.redirect('/login');
});

module.exports = router;
