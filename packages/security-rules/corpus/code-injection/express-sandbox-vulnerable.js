const express = require('express');
const vm = require('node:vm');
const { VM } = require('vm2');
const safeEval = require('safe-eval');
const notevil = require('notevil');
const staticEval = require('static-eval');
const esprima = require('esprima');
const math = require('mathjs');

const app = express();
app.use(express.json());

app.post('/rules/run', (req, res) => {
  const script = new vm.Script(req.body.rule); // expect: code-injection
  res.json(script.runInNewContext({ order: req.body.order }));
});

app.post('/vm2', (req, res) => {
  res.json(new VM({ timeout: 100 }).run(req.body.code)); // expect: code-injection
});

app.post('/safe-eval', (req, res) => {
  res.json(safeEval(req.body.expression, { Math })); // expect: code-injection
});

app.post('/notevil', (req, res) => {
  res.json(notevil(req.body.expression)); // expect: code-injection
});

app.get('/static-eval', (req, res) => {
  const ast = esprima.parse(String(req.query.expr)).body[0].expression;
  res.json(staticEval(ast, { x: 1 })); // expect: code-injection
});

app.post('/formula', (req, res) => {
  const formula = math.compile(req.body.formula); // expect: code-injection
  res.json(formula.evaluate({ price: 10 }));
});
