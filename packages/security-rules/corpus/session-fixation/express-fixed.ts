import express from 'express';
import session from 'express-session';
import bcrypt from 'bcrypt';

declare const users: { findByEmail(email: string): Promise<{ id: string; hash: string } | undefined> };
declare module 'express-session' {
  interface SessionData { userId: string; theme: string }
}

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET ?? '', resave: false, saveUninitialized: false }));

app.post('/login', async (req, res) => {
  const user = await users.findByEmail(String(req.body.email));
  if (!user || !(await bcrypt.compare(String(req.body.password), user.hash))) return res.status(401).json({ error: 'invalid credentials' });
  req.session.regenerate((err) => {
    if (err) return res.status(500).end();
    req.session.userId = user.id;
    return res.json({ ok: true });
  });
});

app.post('/preferences', (req, res) => {
  req.session.theme = String(req.body.theme);
  res.json({ ok: true });
});
