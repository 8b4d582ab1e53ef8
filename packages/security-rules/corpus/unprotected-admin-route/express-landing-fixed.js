// The admin landing page checks the role, not only the login.
const express = require('express');

const app = express();
const isLoggedIn = (req, res, next) => (req.session.userId ? next() : res.redirect('/login'));
const isAdmin = (req, res, next) => (req.session.isAdmin ? next() : res.redirect('/login'));
app.post('/login', (req, res) => {
  const user = { isAdmin: req.body.userName === 'admin' };
  req.session.regenerate(() => {
    if (user.isAdmin) return res.redirect('/reports');
    return res.redirect('/home');
  });
});
app.get('/reports', isLoggedIn, isAdmin, (req, res) => res.render('reports', { user: { isAdmin: true } }));
app.get('/home', isLoggedIn, (req, res) => res.render('home'));
