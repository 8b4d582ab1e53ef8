import express, { type NextFunction, type Request, type Response } from 'express';

const app = express();

app.get('/orders', async (_req, res) => {
  try {
    throw new Error('db down');
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'internal error' });
  }
});

app.use((err: Error, req: Request, res: Response, _next: NextFunction) => {
  console.error(req.path, err.stack);
  res.status(500).json({ error: 'internal error' });
});
