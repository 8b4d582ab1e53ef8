import jwt from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';

export function currentUser(req: Request, _res: Response, next: NextFunction) {
  const token = req.cookies.token;
  (req as any).user = jwt.decode(token); // expect: jwt-decode-without-verify
  next();
}
