import express from 'express';

const app = express();

function evaluate(expr: string): number {
  const m = /^(\d+)\s*\+\s*(\d+)$/.exec(expr);
  return m ? Number(m[1]) + Number(m[2]) : NaN;
}

app.post('/calc', (req, res) => {
  res.json({ result: evaluate(String(req.body.expression)) });
});

app.get('/later', (_req, res) => {
  setTimeout(() => res.send('done'), 10);
});
