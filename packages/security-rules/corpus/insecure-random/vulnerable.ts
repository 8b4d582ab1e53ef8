export function createResetToken(): string {
  return Math.random().toString(36).slice(2); // expect: insecure-random
}

export const session = { sessionId: Math.floor(Math.random() * 1e16).toString(16) }; // expect: insecure-random
