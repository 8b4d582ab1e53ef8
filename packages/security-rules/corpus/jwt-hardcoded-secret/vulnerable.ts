import jwt from 'jsonwebtoken';

const config = { jwtSecret: process.env.JWT_SECRET || 'dev-secret-do-not-use' };

export function issue(userId: string) {
  return jwt.sign({ sub: userId }, 'Zx81!kq0aPz7LmN3vB5cX9wE2rT6yU4iO', { expiresIn: '15m' }); // expect: jwt-hardcoded-secret
}

export function check(token: string) {
  return jwt.verify(token, config.jwtSecret, { algorithms: ['HS256'] }); // expect: jwt-hardcoded-secret
}
