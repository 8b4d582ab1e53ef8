import express from 'express';
import bcrypt from 'bcrypt';
import { Sequelize } from 'sequelize';

declare const User: { findOne(q: unknown): Promise<{ password: string } | null>; create(v: unknown): Promise<unknown> };
const sequelize = new Sequelize('postgres://localhost/app', { logging: false });
const app = express();

app.post('/login', async (req, res) => {
  console.log('login attempt', req.body.email);
  const user = await User.findOne({ where: { email: req.body.email } });
  res.json({ ok: user !== null && (await bcrypt.compare(String(req.body.password), user.password)) });
});

app.post('/signup', async (req, res) => {
  res.json(await User.create({ email: req.body.email, password: await bcrypt.hash(String(req.body.password), 12) }));
});
void sequelize;
