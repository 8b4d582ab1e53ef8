/**
 * What every resolver receives as `context`. Yours: add the caller (from a verified token), a database pool,
 * per-request loaders. `sb scaffold` created this file once and never rewrites it.
 */
export interface Context {
  readonly request: Request;
}

/** Builds the context of one request. */
export async function createContext(request: Request): Promise<Context> {
  return { request };
}
