import { Router } from 'express';

export const authRouter = Router();

authRouter.post('/login', (req, res) => { // expect: missing-rate-limit
  res.json({ user: req.body.email });
});
