import { getAt, parsePointer } from '../pointer/pointer.js';

const MAX_DEPTH = 24;

/**
 * A copy of `value` with every local `$ref` (`#/components/...`) replaced by what it points to, to a bounded depth
 * so that recursive schemas terminate (a cycle is cut to `{}`). A dangling ref, and a remote one (left only in an
 * in-memory document: {@link loadSpec} bundles a file's), become `{}`: nothing is fetched.
 *
 * @example
 * ```ts
 * const doc = { components: { schemas: { Node: { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' } } } } } };
 * inlineRefs(doc, { $ref: '#/components/schemas/Node' });
 * // { type: 'object', properties: { child: {} } }
 * ```
 */
export function inlineRefs(doc: unknown, value: unknown): unknown {
  return inline(doc, value, 0, []);
}

function inline(doc: unknown, value: unknown, depth: number, seen: readonly string[]): unknown {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => inline(doc, v, depth + 1, seen));
  const ref = (value as Record<string, unknown>)['$ref'];
  if (typeof ref === 'string') {
    const keys = ref === '#' ? undefined : parsePointer(ref);
    if (!keys || seen.includes(ref)) return {};
    return inline(doc, getAt(doc, keys) ?? {}, depth + 1, [...seen, ref]);
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = inline(doc, v, depth + 1, seen);
  return out;
}
