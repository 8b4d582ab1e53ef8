import jwt from 'jsonwebtoken';

const key = process.env.JWT_SECRET as string;

export function login(userId: string) {
  return jwt.sign({ sub: userId, role: 'user' }, key); // expect: jwt-missing-expiry
}

export function remember(userId: string) {
  return jwt.sign({ sub: userId }, key, { expiresIn: '365d' }); // expect: jwt-missing-expiry
}
