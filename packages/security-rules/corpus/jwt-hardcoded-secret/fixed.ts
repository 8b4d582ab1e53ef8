import jwt from 'jsonwebtoken';

const secret = process.env.JWT_SECRET;
if (!secret) throw new Error('JWT_SECRET is not set');

export function issue(userId: string) {
  return jwt.sign({ sub: userId }, secret, { expiresIn: '15m' });
}

export function check(token: string) {
  return jwt.verify(token, secret, { algorithms: ['HS256'] });
}
