import { getAt, parsePointer } from './pointer.js';

/** A plain JSON object. */
export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Follows `$ref` chains of reusable objects (parameters, request bodies, responses, headers, security
 * schemes) to the object itself, with the pointer it was found at. Undefined for a dangling or cyclic ref.
 */
export function deref(doc: Json, value: unknown, pointer: string): { value: Json; pointer: string } | undefined {
  let cur = value;
  let at = pointer;
  const seen = new Set<string>();
  while (isObject(cur) && typeof cur['$ref'] === 'string') {
    const ref = cur['$ref'];
    if (seen.has(ref)) return undefined;
    seen.add(ref);
    const keys = parsePointer(ref);
    if (!keys) return undefined;
    cur = getAt(doc, keys);
    at = ref;
  }
  return isObject(cur) ? { value: cur, pointer: at } : undefined;
}

/** The HTTP methods an OpenAPI path item can hold, in the order routes are emitted. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
