import jwt from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';

export function currentUser(req: Request, _res: Response, next: NextFunction) {
  const token = req.cookies.token;
  const header = jwt.decode(token, { complete: true })?.header;
  (req as any).user = jwt.verify(token, process.env.JWT_SECRET as string, { algorithms: ['HS256'] });
  (req as any).kid = header?.kid;
  next();
}
