import express from 'express';

const app = express();
app.set('view engine', 'ejs');

app.get('/search', (req, res) => {
  res.render('search', { term: req.query.q, count: 3 }); // expect: template-xss
});

app.get('/hello', (req, res) => {
  res.send('<p>Hello ' + req.query.name + '</p>'); // expect: template-xss
});
