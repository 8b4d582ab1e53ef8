const express = require('express');
const finale = require('finale-rest');
const { Sequelize, DataTypes } = require('sequelize');
const { requireUser } = require('./auth');

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Invoice = sequelize.define('Invoice', { amount: DataTypes.INTEGER });
const app = express();
app.use(express.json());

app.post('/logout', requireUser, (req, res) => res.json({ ok: true }));
finale.initialize({ app, sequelize, base: '/api' });
finale.resource({ model: Invoice, endpoints: ['/invoices', '/invoices/:id'] }); // expect: missing-auth
