// NodeGoat-style handler object, fixed: the session id is regenerated before the user is stored in it.
const express = require('express');
const session = require('express-session');

function UserDAO() {
  this.validateLogin = (userName, password, done) => done(null, { _id: userName, isAdmin: false });
}

function SessionHandler() {
  const userDAO = new UserDAO();
  this.handleLoginRequest = function (req, res, next) {
    userDAO.validateLogin(req.body.userName, req.body.password, (err, user) => {
      if (err) return next(err);
      req.session.regenerate((e) => {
        if (e) return next(e);
        req.session.userId = user._id;
        return res.redirect(user.isAdmin ? '/benefits' : '/dashboard');
      });
    });
  };
}

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
const sessionHandler = new SessionHandler();
app.post('/login', sessionHandler.handleLoginRequest);
module.exports = app;
