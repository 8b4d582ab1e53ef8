import express, { type NextFunction, type Request, type Response } from 'express';

const app = express();

app.get('/orders', async (_req, res) => {
  try {
    throw new Error('db down');
  } catch (err) {
    res.status(500).json({ error: (err as Error).message, stack: (err as Error).stack }); // expect: error-details-leak
  }
});

app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
  res.status(500).send(err.stack); // expect: error-details-leak
});
