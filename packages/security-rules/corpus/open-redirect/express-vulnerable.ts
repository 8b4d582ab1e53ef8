import express from 'express';

const app = express();

app.get('/login/callback', (req, res) => {
  const next = req.query.next as string;
  res.redirect(next); // expect: open-redirect
});

app.get('/go', (req, res) => {
  res.redirect(302, req.query.url as string); // expect: open-redirect
});
