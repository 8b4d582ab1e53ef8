import { isObject, type Json } from '../json.js';
import { getAt, parsePointer } from '../pointer/pointer.js';

/**
 * Follows `$ref` chains of reusable objects (parameters, request bodies, responses, headers, security
 * schemes) to the object itself, with the pointer it was found at. Undefined for a dangling or cyclic ref.
 *
 * @example
 * ```ts
 * const doc = { components: { parameters: { Id: { name: 'id', in: 'path' } } } };
 * deref(doc, { $ref: '#/components/parameters/Id' }, '#/paths/~1a/get/parameters/0');
 * // { value: { name: 'id', in: 'path' }, pointer: '#/components/parameters/Id' }
 * ```
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
