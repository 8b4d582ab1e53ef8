/** A plain JSON object, as a spec document and its parts are read. */
export type Json = Record<string, unknown>;

/** True for a plain object (not `null`, not an array). */
export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
