import express from 'express';

const app = express();
const names = ['alice', 'bob'];
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

app.get('/search', (req, res) => {
  const re = new RegExp(escapeRegExp(String(req.query.q)), 'i');
  res.json(names.filter((n) => re.test(n)));
});
