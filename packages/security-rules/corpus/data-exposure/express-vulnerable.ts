import express from 'express';
import { Sequelize } from 'sequelize';

declare const User: { findOne(q: unknown): Promise<{ password: string } | null>; create(v: unknown): Promise<unknown> };
const sequelize = new Sequelize('postgres://localhost/app', { logging: console.log }); // expect: data-exposure
const app = express();

app.post('/login', async (req, res) => {
  console.log('login attempt', req.body.email, req.body.password); // expect: data-exposure
  const user = await User.findOne({ where: { email: req.body.email } });
  res.json({ ok: user !== null && user.password === req.body.password }); // expect: data-exposure
});

app.post('/signup', async (req, res) => {
  res.json(await User.create({ email: req.body.email, password: req.body.password })); // expect: data-exposure
});
void sequelize;
