import express from 'express';
import vm from 'node:vm';

const app = express();

app.post('/calc', (req, res) => {
  res.json({ result: eval(req.body.expression) }); // expect: code-injection
});

app.post('/template', (req, res) => {
  const fn = new Function('data', `return \`${req.body.template}\``); // expect: code-injection
  res.send(fn({}));
});

app.get('/sandbox', (req, res) => {
  res.json(vm.runInNewContext(String(req.query.code), {})); // expect: code-injection
});
