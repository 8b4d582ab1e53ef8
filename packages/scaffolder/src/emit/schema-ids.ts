import { isObject, type Json } from '../spec/resolve.js';
import type { NamedSchema } from '../model/model.js';

const DROP = new Set(['description', 'title', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', '$comment', 'contentMediaType', 'contentEncoding']);

/** The validator `$id` of a named schema. Numbered, so no spec text ever becomes part of an id. */
export function schemaId(index: number): string {
  return `https://schemas.sb/r/${index}.json`;
}

/**
 * A copy of `schema` ready for ajv: `$ref`s rewritten to numbered ids, annotations dropped (they would only
 * bloat the generated validators). Property maps keep their keys, whatever they are.
 */
export function forValidator(schema: unknown, byRef: ReadonlyMap<string, NamedSchema>, inMap = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => forValidator(s, byRef));
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    if (inMap) {
      Object.defineProperty(out, k, { value: forValidator(v, byRef), enumerable: true, writable: true, configurable: true });
      continue;
    }
    if (DROP.has(k)) continue;
    if (k === '$ref' && typeof v === 'string') {
      const named = byRef.get(v);
      out['$ref'] = named ? schemaId(named.index) : v;
    } else if (k === 'enum' || k === 'const') out[k] = v;
    else if (k === 'properties' || k === 'patternProperties' || k === 'dependentSchemas' || k === '$defs' || k === 'definitions') out[k] = forValidator(v, byRef, true);
    else out[k] = forValidator(v, byRef);
  }
  return out;
}
