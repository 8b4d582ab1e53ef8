import express from 'express';
import jwt from 'jsonwebtoken';

const app = express();
const SECRET = process.env.JWT_SECRET ?? '';

function requireToken(req: express.Request, res: express.Response, next: express.NextFunction): void {
  jwt.verify(String(req.headers.authorization), SECRET, { algorithms: ['HS256'] });
  next();
}

function checkToken(token: string): void {
  jwt.verify(token, SECRET, { algorithms: ['HS256'] });
}

// The chain verified the token: decoding it again in the handler is fine.
app.get('/me', requireToken, (req, res) => {
  res.json(jwt.decode(String(req.headers.authorization)));
});

// Verified by an earlier call in the same function.
export function claimsOf(token: string): unknown {
  checkToken(token);
  return jwt.decode(token);
}
