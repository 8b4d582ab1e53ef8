import express from 'express';

const app = express();
const ALLOWED = new Set(['/home', '/account']);

app.get('/login/callback', (req, res) => {
  const next = String(req.query.next);
  if (!ALLOWED.has(next)) return res.redirect('/home');
  res.redirect(next);
});

app.get('/go', (_req, res) => {
  res.redirect(302, '/home');
});
