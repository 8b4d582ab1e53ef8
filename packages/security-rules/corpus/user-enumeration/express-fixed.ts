import express from 'express';
import bcrypt from 'bcrypt';

declare const User: { findOne(where: { email: string }): Promise<{ id: string; hash: string } | null> };

const app = express();
app.use(express.json());

app.post('/login', async (req, res) => {
  const user = await User.findOne({ email: String(req.body.email) });
  if (!user) return res.status(401).json({ error: 'invalid e-mail or password' });
  if (!(await bcrypt.compare(String(req.body.password), user.hash))) return res.status(401).json({ error: 'invalid e-mail or password' });
  return res.json({ id: user.id });
});
