import { db } from './db/connection.js';
import { RequestLoaders } from './loaders.gen.js';

/**
 * What every resolver receives as `context`. Yours: add the caller (from a verified token). `loaders` must be
 * made per request (they cache rows for one request only). `sb scaffold` created this file once and never rewrites it.
 */
export interface Context {
  readonly request: Request;
  readonly loaders: RequestLoaders;
}

/** Builds the context of one request. */
export async function createContext(request: Request): Promise<Context> {
  return { request, loaders: new RequestLoaders(db) };
}
