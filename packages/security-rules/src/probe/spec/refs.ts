/** A JSON Schema object as it appears in an OpenAPI document (only the keywords the probes read are typed). */
export interface JsonSchema {
  readonly [key: string]: unknown;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
}

const MAX_DEPTH = 24;

/**
 * Replaces local `$ref`s (`#/components/...`) by what they point to, to a bounded depth so that recursive
 * schemas terminate (a cycle is cut to `{}`). Remote refs are left as `{}`: the probes never fetch.
 */
export function resolveRefs(doc: unknown, value: unknown, depth = 0, seen: readonly string[] = []): unknown {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => resolveRefs(doc, v, depth + 1, seen));
  const ref = (value as Record<string, unknown>)['$ref'];
  if (typeof ref === 'string') {
    if (!ref.startsWith('#/') || seen.includes(ref)) return {};
    return resolveRefs(doc, pointer(doc, ref), depth + 1, [...seen, ref]);
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = resolveRefs(doc, v, depth + 1, seen);
  return out;
}

function pointer(doc: unknown, ref: string): unknown {
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return {};
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
