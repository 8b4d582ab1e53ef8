import express from 'express';

declare const User: { create(v: unknown): Promise<unknown>; findByIdAndUpdate(id: string, v: unknown): Promise<unknown> };
const app = express();

app.post('/users', async (req, res) => {
  const { name, email } = req.body;
  res.json(await User.create({ name, email }));
});

app.patch('/users/:id', async (req, res) => {
  res.json(await User.findByIdAndUpdate(req.params.id, { name: req.body.name, updatedAt: new Date() }));
});
