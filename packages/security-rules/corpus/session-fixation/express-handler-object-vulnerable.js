// NodeGoat-style: handlers are methods set in a constructor function, the session is written in a DAO callback,
// and a comment that merely mentions req.session.regenerate() is not a regeneration.
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
      // Fix: wrap the line below in a callback of req.session.regenerate()
      req.session.userId = user._id; // expect: session-fixation
      return res.redirect(user.isAdmin ? '/benefits' : '/dashboard');
    });
  };
}

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
const sessionHandler = new SessionHandler();
app.post('/login', sessionHandler.handleLoginRequest);
module.exports = app;
