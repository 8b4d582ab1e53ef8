import jwt from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';

const key = process.env.JWT_SECRET as string;

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = String(req.headers.authorization).replace('Bearer ', '');
  try {
    (req as any).user = jwt.verify(token, key); // expect: jwt-verify-algorithms
    next();
  } catch {
    res.status(401).end();
  }
}

export const lenient = (t: string) => jwt.verify(t, key, { algorithms: ['HS256', 'none'] }); // expect: jwt-verify-algorithms
