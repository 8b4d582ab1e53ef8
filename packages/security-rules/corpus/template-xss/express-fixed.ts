import express from 'express';
import escapeHtml from 'escape-html';

const app = express();
app.set('view engine', 'ejs');

app.get('/search', (req, res) => {
  res.render('search-safe', { term: req.query.q });
});

app.get('/hello', (req, res) => {
  res.send('<p>Hello ' + escapeHtml(String(req.query.name)) + '</p>');
});

app.get('/count', (req, res) => {
  res.render('search', { term: 'fixed', count: req.query.n });
});
