import express from 'express';
import session from 'express-session';
import bcrypt from 'bcrypt';

declare const users: { findByEmail(email: string): Promise<{ id: string; hash: string } | undefined> };
declare module 'express-session' {
  interface SessionData { userId: string }
}

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET ?? '', resave: false, saveUninitialized: false }));

app.post('/login', async (req, res) => {
  const user = await users.findByEmail(String(req.body.email));
  if (!user || !(await bcrypt.compare(String(req.body.password), user.hash))) return res.status(401).json({ error: 'invalid credentials' });
  req.session.userId = user.id; // expect: session-fixation
  return res.json({ ok: true });
});
