import { HTTP_METHODS, isObject, type Json, type SpecVersion } from '@sb/openapi';

/** Keywords whose value is one schema. */
export const SCHEMA_KEYWORDS = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema'] as const;
/** Keywords whose value is a list of schemas. */
export const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
/** Keywords whose value is a map of schemas. */
export const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'] as const;
/**
 * The same in OpenAPI 3.1, whose schemas are JSON Schema 2020-12: `definitions` is not a 2020-12 keyword, so
 * it is an annotation whose entries need not be schemas (a `$ref` into it still resolves, as any JSON pointer).
 */
const SCHEMA_MAP_KEYWORDS_31 = SCHEMA_MAP_KEYWORDS.filter((k) => k !== 'definitions');

export type Keys = (string | number)[];
type Visit = (schema: Json, keys: Keys) => void;

/**
 * Visits a schema and every subschema, pre-order (parents before children). `keys` is one mutable stack
 * shared by the whole walk (no per-node allocation): a visitor that keeps it must copy it. In 3.1,
 * `definitions` is an annotation and is not entered.
 */
export function walkSchema(schema: unknown, keys: Keys, visit: Visit, version: SpecVersion): void {
  const stack = [...keys];
  walk(schema, stack, visit, version === '3.1' ? SCHEMA_MAP_KEYWORDS_31 : SCHEMA_MAP_KEYWORDS);
}

function walk(schema: unknown, keys: Keys, visit: Visit, maps: readonly string[]): void {
  if (!isObject(schema)) return;
  visit(schema, keys);
  for (const k of SCHEMA_KEYWORDS) {
    const v = schema[k];
    if (v === undefined) continue;
    keys.push(k);
    if (isObject(v)) walk(v, keys, visit, maps);
    else if (k === 'items' && Array.isArray(v)) v.forEach((s, i) => step(s, i, keys, visit, maps));
    keys.pop();
  }
  for (const k of SCHEMA_LIST_KEYWORDS) {
    const v = schema[k];
    if (!Array.isArray(v)) continue;
    keys.push(k);
    v.forEach((s, i) => step(s, i, keys, visit, maps));
    keys.pop();
  }
  for (const k of maps) {
    const v = schema[k];
    if (!isObject(v)) continue;
    keys.push(k);
    for (const name of Object.keys(v)) step(v[name], name, keys, visit, maps);
    keys.pop();
  }
}

function step(schema: unknown, key: string | number, keys: Keys, visit: Visit, maps: readonly string[]): void {
  keys.push(key);
  walk(schema, keys, visit, maps);
  keys.pop();
}

function contentSchemas(content: unknown, keys: Keys, out: [unknown, Keys][]): void {
  if (!isObject(content)) return;
  for (const [mt, media] of Object.entries(content)) if (isObject(media)) out.push([media['schema'], [...keys, mt, 'schema']]);
}

function paramSchemas(list: unknown, keys: Keys, out: [unknown, Keys][]): void {
  if (!Array.isArray(list)) return;
  list.forEach((p, i) => {
    if (!isObject(p)) return;
    out.push([p['schema'], [...keys, i, 'schema']]);
    contentSchemas(p['content'], [...keys, i, 'content'], out);
  });
}

function responseSchemas(r: unknown, keys: Keys, out: [unknown, Keys][]): void {
  if (!isObject(r)) return;
  contentSchemas(r['content'], [...keys, 'content'], out);
  if (isObject(r['headers'])) for (const [h, hv] of Object.entries(r['headers'])) if (isObject(hv)) out.push([hv['schema'], [...keys, 'headers', h, 'schema']]);
}

/** Every place in an OpenAPI document where a schema is rooted: components, parameters, bodies, responses, headers. */
export function schemaRoots(doc: Json): [unknown, Keys][] {
  const out: [unknown, Keys][] = [];
  const c = isObject(doc['components']) ? doc['components'] : {};
  if (isObject(c['schemas'])) for (const [n, s] of Object.entries(c['schemas'])) out.push([s, ['components', 'schemas', n]]);
  if (isObject(c['parameters'])) for (const [n, p] of Object.entries(c['parameters'])) paramSchemas([p], ['components', 'parameters', n], out);
  if (isObject(c['requestBodies'])) for (const [n, b] of Object.entries(c['requestBodies'])) if (isObject(b)) contentSchemas(b['content'], ['components', 'requestBodies', n, 'content'], out);
  if (isObject(c['responses'])) for (const [n, r] of Object.entries(c['responses'])) responseSchemas(r, ['components', 'responses', n], out);
  if (isObject(c['headers'])) for (const [n, h] of Object.entries(c['headers'])) if (isObject(h)) out.push([h['schema'], ['components', 'headers', n, 'schema']]);
  pathItemSchemas(doc, 'paths', out);
  return out.filter(([s]) => isObject(s));
}

/** The schemas of the path items under `doc[key]` (`paths`, `webhooks`, 3.0's `x-webhooks`). */
function pathItemSchemas(doc: Json, key: string, out: [unknown, Keys][]): void {
  const paths = isObject(doc[key]) ? doc[key] : {};
  for (const [route, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    paramSchemas(item['parameters'], [key, route, 'parameters'], out);
    for (const m of HTTP_METHODS) {
      const op = item[m];
      if (!isObject(op)) continue;
      const at = [key, route, m];
      paramSchemas(op['parameters'], [...at, 'parameters'], out);
      if (isObject(op['requestBody'])) contentSchemas(op['requestBody']['content'], [...at, 'requestBody', 'content'], out);
      if (isObject(op['responses'])) for (const [code, r] of Object.entries(op['responses'])) responseSchemas(r, [...at, 'responses', code], out);
    }
  }
}

/**
 * The schemas of `webhooks` (3.1) and `x-webhooks` (the 3.0 convention, e.g. GitHub's): nothing is generated
 * for them, but the spec doctor normalises them like the rest, so the contract `sb spec` gives back is 3.1.
 */
export function webhookSchemaRoots(doc: Json): [unknown, Keys][] {
  const out: [unknown, Keys][] = [];
  pathItemSchemas(doc, 'webhooks', out);
  pathItemSchemas(doc, 'x-webhooks', out);
  return out.filter(([s]) => isObject(s));
}
