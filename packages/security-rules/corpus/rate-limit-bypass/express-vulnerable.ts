import express from 'express';
import rateLimit from 'express-rate-limit';

const app = express();
const loginLimiter = rateLimit({
  windowMs: 15 * 60 * 1000,
  limit: 5,
  keyGenerator: (req) => String(req.headers['x-forwarded-for'] ?? req.ip), // expect: rate-limit-bypass
});
app.post('/login', loginLimiter, (_req, res) => res.json({ ok: true }));
