// DVNA/NodeGoat-style: default Sequelize logging, whole user rows in JSON, plain-text passwords behind a DAO helper.
const express = require('express');
const Sequelize = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL); // expect: data-exposure
const User = sequelize.define('User', { login: Sequelize.STRING, password: Sequelize.STRING });

function UserDao() {
  this.validateLogin = (login, password, done) => {
    const comparePassword = (fromUser, fromDb) => fromUser === fromDb; // expect: data-exposure
    User.findOne({ where: { login } }).then((user) => done(user && comparePassword(password, user.password)));
  };
}

const app = express();
const users = new UserDao();
app.get('/admin/users', (req, res) => {
  User.findAll({}).then((rows) => {
    res.json({ users: rows }); // expect: data-exposure
  });
});
app.post('/login', (req, res) => users.validateLogin(req.body.login, req.body.password, (ok) => res.json({ ok })));
app.post('/profile', (req, res) => {
  if (req.body.password !== req.body.confirmPassword) return res.status(400).end(); // a confirmation check, not a stored password
  res.end();
});
