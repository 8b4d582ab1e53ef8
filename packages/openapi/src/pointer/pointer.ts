/** RFC 6901 JSON pointers, as `#/a/b~1c` strings and as key arrays. */

/** Escapes one key for a pointer: `~` → `~0`, `/` → `~1`. */
export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The inverse of {@link escapeToken}. */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * A key path as a pointer.
 *
 * @example
 * ```ts
 * toPointer(['paths', '/pets', 'get']); // '#/paths/~1pets/get'
 * ```
 */
export function toPointer(keys: readonly (string | number)[]): string {
  return keys.length === 0 ? '#' : `#/${keys.map((k) => escapeToken(String(k))).join('/')}`;
}

/**
 * A local pointer as a key path (percent-decoded, then unescaped); undefined when not a local pointer.
 *
 * @example
 * ```ts
 * parsePointer('#/paths/~1pets'); // ['paths', '/pets']
 * parsePointer('other.yaml#/A'); // undefined
 * ```
 */
export function parsePointer(ref: string): string[] | undefined {
  if (ref === '#') return [];
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((t) => {
      try {
        return unescapeToken(decodeURIComponent(t));
      } catch {
        return unescapeToken(t);
      }
    });
}

/** Follows a key path through plain objects/arrays (own keys only); undefined when any step is missing. */
export function getAt(root: unknown, keys: readonly string[]): unknown {
  let cur: unknown = root;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
