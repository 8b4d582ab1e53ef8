import express from 'express';

const app = express();
const names = ['alice', 'bob'];

app.get('/search', (req, res) => {
  const re = new RegExp(req.query.q as string, 'i'); // expect: regex-injection
  res.json(names.filter((n) => re.test(n)));
});
