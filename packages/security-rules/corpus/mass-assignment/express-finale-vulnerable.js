const finale = require('finale-rest');
const express = require('express');
const { Sequelize, DataTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Account = sequelize.define('Account', { email: DataTypes.STRING, role: DataTypes.STRING });
const app = express();
app.use(express.json());

finale.initialize({ app, sequelize });
const accounts = finale.resource({ model: Account, endpoints: ['/accounts', '/accounts/:id'] }); // expect: mass-assignment
accounts.all.auth((req, res, context) => (req.user ? context.continue : context.stop));
