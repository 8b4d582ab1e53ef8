// Your credential check: created once by sb scaffold, never overwritten.
// Return the principal (e.g. the user) to accept a request, null/undefined to reject it (401),
// or throw an ApiError (e.g. 403) for a valid caller who lacks the required scopes.
import type { AuthenticateHook } from './runtime.gen.js';

export const authenticate: AuthenticateHook = async (credentials) => {
  void credentials;
  return undefined;
};
