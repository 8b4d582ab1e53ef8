const express = require('express');
const { Sequelize, Op, DataTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL, { operatorsAliases: { $ne: Op.ne, $gt: Op.gt } });
const Account = sequelize.define('Account', { login: DataTypes.STRING, password: DataTypes.STRING });

const app = express();
app.use(express.urlencoded({ extended: true }));

app.post('/login', async (req, res) => {
  const account = await Account.findOne({ where: { login: req.body.login, password: req.body.password } }); // expect: sequelize-operator-injection
  res.json({ ok: account !== null });
});
