import { isObject } from '@sb/openapi';

const NUMERIC_TAGS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;

/**
 * JSDoc tags for what a TypeScript type cannot say: `@integer`, `@format`, numeric bounds. They make the generated
 * types self-describing, and `sb spec` reads them back, so integers, formats and bounds survive the round trip
 * spec → code → spec. Only values that cannot break a comment are written (numbers, and formats that are words).
 */
export function schemaTags(schema: unknown): string[] {
  if (!isObject(schema)) return [];
  const tags: string[] = [];
  const type = schema['type'];
  if (type === 'integer' || (Array.isArray(type) && type.includes('integer'))) tags.push('@integer');
  const format = schema['format'];
  if (typeof format === 'string' && /^[\w.-]+$/.test(format)) tags.push(`@format ${format}`);
  for (const key of NUMERIC_TAGS) {
    const value = schema[key];
    if (typeof value === 'number' && Number.isFinite(value)) tags.push(`@${key} ${value}`);
  }
  return tags;
}
