import { createHash, scryptSync, randomBytes } from 'node:crypto';
import bcrypt from 'bcrypt';

export function hashPassword(password: string) {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(password, salt, 64).toString('hex')}`;
}

export async function store(plain: string) {
  return bcrypt.hash(plain, 12);
}

export const etag = (body: string) => createHash('sha256').update(body).digest('base64');
