import express, { Router } from 'express';
import helmet from 'helmet';
import rateLimit from 'express-rate-limit';

const app = express();
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 10 });
const auth = Router();
auth.use(loginLimiter);
auth.post('/login', (req, res) => {
  res.json({ user: req.body.email });
});
app.use(helmet());
app.use('/auth', auth);
app.post('/password/reset', rateLimit({ windowMs: 60_000, limit: 3 }), (req, res) => {
  res.status(202).json({ sent: Boolean(req.body) });
});
