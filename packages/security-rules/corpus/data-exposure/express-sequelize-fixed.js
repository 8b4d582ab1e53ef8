// Logging off, only the needed columns sent, passwords hashed and checked with bcrypt.
const express = require('express');
const bcrypt = require('bcrypt');
const Sequelize = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL, { logging: false });
const Account = sequelize.define('Account', { login: Sequelize.STRING, password: Sequelize.STRING });

const app = express();
app.get('/admin/accounts', (req, res) => {
  Account.findAll({ attributes: ['id', 'login'] }).then((rows) => res.json({ accounts: rows }));
});
app.post('/login', async (req, res) => {
  const account = await Account.findOne({ where: { login: req.body.login } });
  res.json({ ok: Boolean(account) && (await bcrypt.compare(req.body.password, account.password)) });
});
app.post('/register', async (req, res) => {
  if (req.body.password !== req.body.confirmPassword) return res.status(400).end();
  await Account.create({ login: req.body.login, password: await bcrypt.hash(req.body.password, 12) });
  res.status(201).end();
});
