import express from 'express';

const app = express();
const EMAIL = /^[a-zA-Z0-9_.-]+@example\.com$/;

app.post('/subscribe', (req, res) => {
  res.json({ ok: EMAIL.test(String(req.body.email).slice(0, 254)) });
});
