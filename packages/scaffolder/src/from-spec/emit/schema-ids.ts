import { isObject, type Json } from '@sb/openapi';
import type { NamedSchema } from '../model/model.js';

/**
 * The keywords a validator acts on; everything else in a schema is an annotation (description, default, examples,
 * `x-*`, OpenAPI's `discriminator`/`xml`, unknown keywords) and would only bloat the generated validators.
 * `definitions` is left out too: every entry a `$ref` points to is a named schema compiled under its own id.
 */
const VALIDATION = new Set(
  (
    'type enum const multipleOf maximum exclusiveMaximum minimum exclusiveMinimum maxLength minLength pattern maxItems ' +
    'minItems uniqueItems maxContains minContains maxProperties minProperties required dependentRequired allOf anyOf oneOf ' +
    'not if then else dependentSchemas prefixItems items contains properties patternProperties additionalProperties ' +
    'propertyNames unevaluatedItems unevaluatedProperties format $ref $defs contentSchema'
  ).split(' '),
);

/**
 * `plain` validates data as the schema says; `request` is the variant for request bodies, where properties
 * marked `readOnly` (server-assigned, like `id`) are not required of the client.
 */
export type SchemaMode = 'plain' | 'request';

/** The validator `$id` of a named schema. Numbered, so no spec text ever becomes part of an id. */
export function schemaId(index: number, mode: SchemaMode = 'plain'): string {
  return `https://schemas.sb/${mode === 'plain' ? 'r' : 'q'}/${index}.json`;
}

function isReadOnly(sub: unknown, byRef: ReadonlyMap<string, NamedSchema>): boolean {
  if (!isObject(sub)) return false;
  if (sub['readOnly'] === true) return true;
  const ref = sub['$ref'];
  return typeof ref === 'string' && byRef.get(ref)?.schema['readOnly'] === true;
}

function copyMap(map: unknown, byRef: ReadonlyMap<string, NamedSchema>, mode: SchemaMode): unknown {
  if (!isObject(map)) return map;
  const out: Json = {};
  for (const [k, v] of Object.entries(map)) {
    Object.defineProperty(out, k, { value: forValidator(v, byRef, mode), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * A copy of `schema` ready for ajv: `$ref`s rewritten to numbered ids (of the same mode), annotations dropped
 * (they would only bloat the generated validators). Property maps keep their keys, whatever they are.
 */
export function forValidator(schema: unknown, byRef: ReadonlyMap<string, NamedSchema>, mode: SchemaMode = 'plain'): unknown {
  if (Array.isArray(schema)) return schema.map((s) => forValidator(s, byRef, mode));
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    if (!VALIDATION.has(k)) continue;
    if (k === '$ref' && typeof v === 'string') {
      const named = byRef.get(v);
      out['$ref'] = named ? schemaId(named.index, mode) : v;
    } else if (k === 'enum' || k === 'const') out[k] = v;
    else if (k === 'properties' || k === 'patternProperties' || k === 'dependentSchemas' || k === '$defs') out[k] = copyMap(v, byRef, mode);
    else out[k] = forValidator(v, byRef, mode);
  }
  if (mode === 'request' && Array.isArray(out['required']) && isObject(schema['properties'])) {
    const props = schema['properties'];
    out['required'] = (out['required'] as unknown[]).filter((r) => typeof r !== 'string' || !isReadOnly(props[r], byRef));
  }
  return out;
}
