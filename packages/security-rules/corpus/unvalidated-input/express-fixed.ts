import express from 'express';
import { z } from 'zod';

const app = express();
app.use(express.json());
const Profile = z.object({ name: z.string().max(100), bio: z.string().max(1000) });

app.post('/profile', (req, res) => {
  const parsed = Profile.safeParse(req.body);
  if (!parsed.success) return res.status(400).json(parsed.error.flatten());
  res.json(parsed.data);
});
