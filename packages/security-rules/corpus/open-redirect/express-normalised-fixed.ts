import express from 'express';

const app = express();
const ORIGIN = 'https://example.com';

app.get('/continue', (req, res) => {
  const target = new URL(String(req.query.url), ORIGIN);
  if (target.origin !== ORIGIN) return res.redirect('/');
  return res.redirect(target.href);
});

app.get('/back', (req, res) => {
  const url = String(req.query.url);
  if (!url.startsWith('https://example.com/')) return res.redirect('/');
  return res.redirect(url);
});
