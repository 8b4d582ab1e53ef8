import express from 'express';

const app = express();
const EMAIL = /^([a-zA-Z0-9_.-]+)+@example\.com$/; // expect: redos

app.post('/subscribe', (req, res) => {
  res.json({ ok: EMAIL.test(req.body.email) });
});
