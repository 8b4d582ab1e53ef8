import express from 'express';

declare const User: { create(v: unknown): Promise<unknown>; findByIdAndUpdate(id: string, v: unknown): Promise<unknown> };
const app = express();

app.post('/users', async (req, res) => {
  res.json(await User.create(req.body)); // expect: mass-assignment
});

app.patch('/users/:id', async (req, res) => {
  res.json(await User.findByIdAndUpdate(req.params.id, { ...req.body, updatedAt: new Date() })); // expect: mass-assignment
});
