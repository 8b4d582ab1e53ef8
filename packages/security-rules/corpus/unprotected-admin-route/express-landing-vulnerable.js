// NodeGoat-style: admins are sent to /benefits after login, but /benefits only checks for a login.
const express = require('express');

const app = express();
const isLoggedIn = (req, res, next) => (req.session.userId ? next() : res.redirect('/login'));
app.post('/login', (req, res) => {
  const user = { isAdmin: req.body.userName === 'admin' };
  req.session.regenerate(() => res.redirect(user.isAdmin ? '/benefits' : '/dashboard'));
});
app.get('/benefits', isLoggedIn, (req, res) => res.render('benefits', { user: { isAdmin: true } })); // expect: unprotected-admin-route
app.post('/benefits', isLoggedIn, (req, res) => res.end()); // expect: unprotected-admin-route
app.get('/dashboard', isLoggedIn, (req, res) => res.render('dashboard'));
app.post('/sso', (req, res) => {
  if (req.session.role === 'admin') return res.redirect('/audit');
  return res.redirect('/dashboard');
});
app.get('/audit', isLoggedIn, (req, res) => res.render('audit')); // expect: unprotected-admin-route
