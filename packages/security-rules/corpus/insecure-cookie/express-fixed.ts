import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET as string, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } }));

app.post('/login', (_req, res) => {
  res.cookie('token', 'abc', { httpOnly: true, secure: true, sameSite: 'strict' });
  res.end();
});
