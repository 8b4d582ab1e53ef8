import { randomBytes, randomUUID } from 'node:crypto';

export function createResetToken(): string {
  return randomBytes(32).toString('base64url');
}

export const session = { sessionId: randomUUID() };
export const jitterMs = () => Math.floor(Math.random() * 100);
