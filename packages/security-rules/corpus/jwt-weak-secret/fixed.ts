import * as jwt from 'jsonwebtoken';

const key = process.env.KEY as string;
export const issue = (sub: string) => jwt.sign({ sub }, key, { expiresIn: '1h' });
export const check = (t: string) => jwt.verify(t, key, { algorithms: ['HS256'] });
