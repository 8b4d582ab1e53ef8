import jwt from 'jsonwebtoken';

const key = process.env.JWT_SECRET as string;

export function login(userId: string) {
  return jwt.sign({ sub: userId, role: 'user' }, key, { expiresIn: '15m' });
}

export function remember(userId: string) {
  return jwt.sign({ sub: userId, exp: Math.floor(Date.now() / 1000) + 86400 }, key);
}
