import jwt from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';

const key = process.env.JWT_SECRET as string;

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = String(req.headers.authorization).replace('Bearer ', '');
  try {
    (req as any).user = jwt.verify(token, key, { algorithms: ['HS256'] });
    next();
  } catch {
    res.status(401).end();
  }
}
