import * as jwt from 'jsonwebtoken';

export const issue = (sub: string) => jwt.sign({ sub }, 'secret', { expiresIn: '1h' }); // expect: jwt-weak-secret
export const check = (t: string) => jwt.verify(t, process.env.KEY || 'short-key', { algorithms: ['HS256'] }); // expect: jwt-weak-secret
