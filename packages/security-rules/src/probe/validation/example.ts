import type { JsonSchema } from '../spec/json-schema.js';

/** The primary JSON type a schema asks for (`type: [string, 'null']` → `string`). */
export function schemaType(schema: JsonSchema): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x) => x !== 'null');
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  if (schema.enum?.length) return typeof schema.enum[0];
  return undefined;
}

/**
 * A value that satisfies `schema` as far as the probes need: `example`/`default`/first `enum` value when
 * given, else a value of the right type and format that respects min/max lengths. Depth-bounded.
 */
export function exampleFor(schema: JsonSchema, depth = 0): unknown {
  if (schema['example'] !== undefined) return schema['example'];
  if (schema['default'] !== undefined) return schema['default'];
  if (schema.enum?.length) return schema.enum[0];
  const all = schema['allOf'];
  if (Array.isArray(all) && all.length) return Object.assign({}, ...all.map((s) => exampleFor(s as JsonSchema, depth + 1)));
  for (const key of ['oneOf', 'anyOf']) {
    const list = schema[key];
    if (Array.isArray(list) && list[0]) return exampleFor(list[0] as JsonSchema, depth + 1);
  }
  switch (schemaType(schema)) {
    case 'object': {
      if (depth > 6) return {};
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(schema.properties ?? {})) out[name] = exampleFor(prop, depth + 1);
      return out;
    }
    case 'array':
      return depth > 6 || !schema.items ? [] : Array.from({ length: Math.max(1, num(schema['minItems'], 1)) }, () => exampleFor(schema.items as JsonSchema, depth + 1));
    case 'integer':
      return Math.max(num(schema['minimum'], 1), 1);
    case 'number':
      return Math.max(num(schema['minimum'], 1.5), 1.5);
    case 'boolean':
      return true;
    default:
      return stringFor(schema);
  }
}

function stringFor(schema: JsonSchema): string {
  const formats: Record<string, string> = {
    email: 'sb-probe@example.com',
    uuid: '7d1f7d8e-3c55-4f4a-9d0e-6f1c2b3a4d5e',
    'date-time': '2024-01-02T03:04:05Z',
    date: '2024-01-02',
    uri: 'https://example.com/sb-probe',
    url: 'https://example.com/sb-probe',
    hostname: 'example.com',
    ipv4: '192.0.2.1',
    password: 'Sb-probe-Passw0rd!',
  };
  let value = formats[String(schema['format'])] ?? 'sb-probe';
  const min = num(schema['minLength'], 0);
  const max = num(schema['maxLength'], Number.POSITIVE_INFINITY);
  while (value.length < min) value += 'x';
  return value.slice(0, max);
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A value of a different JSON type than the schema asks for. */
export function wrongTypeFor(schema: JsonSchema): unknown {
  switch (schemaType(schema)) {
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'not-a-boolean';
    case 'object':
      return 'not-an-object';
    case 'array':
      return 'not-an-array';
    case 'string':
      return { sbProbe: ['not', 'a', 'string'] };
    default:
      return undefined;
  }
}
