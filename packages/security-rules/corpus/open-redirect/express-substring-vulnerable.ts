import express from 'express';

const app = express();

app.get('/continue', (req, res) => {
  const url = String(req.query.url);
  if (!url.includes('example.com')) return res.redirect('/');
  return res.redirect(url); // expect: open-redirect
});

app.get('/back', (req, res) => {
  const url = String(req.query.url);
  if (!url.startsWith('https://example.com')) return res.redirect('/');
  return res.redirect(url); // expect: open-redirect
});
