import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET as string, cookie: { secure: false } })); // expect: insecure-cookie

app.post('/login', (_req, res) => {
  res.cookie('token', 'abc'); // expect: insecure-cookie
  res.cookie('sid', 'abc', { httpOnly: true }); // expect: insecure-cookie
  res.end();
});
