import { createHash } from 'node:crypto';
import bcrypt from 'bcrypt';

export function hashPassword(password: string) {
  return createHash('md5').update(password).digest('hex'); // expect: weak-password-hash
}

export async function store(plain: string) {
  return bcrypt.hash(plain, 4); // expect: weak-password-hash
}
