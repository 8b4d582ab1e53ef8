import express from 'express';
import helmet from 'helmet';
import { authRouter } from './express-auth-router.js';

const app = express();
app.use(helmet());
app.use(express.json());
app.use('/auth', authRouter);

app.post('/password/reset', (req, res) => { // expect: missing-rate-limit
  res.status(202).json({ sent: Boolean(req.body) });
});
