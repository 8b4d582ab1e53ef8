import { isObject, type Json } from '@sb/openapi';
import { docComment, literal, propKey } from './literal.js';
import { schemaTags } from './schema-tags.js';

/** Resolves a `$ref` to the TypeScript expression naming its type. */
export type RefNamer = (ref: string) => string;

const PRIMITIVE: Record<string, string> = { string: 'string', number: 'number', integer: 'number', boolean: 'boolean', null: 'null' };

function union(parts: string[]): string {
  const unique = [...new Set(parts)];
  if (unique.length === 0) return 'never';
  if (unique.includes('unknown')) return 'unknown';
  return unique.length === 1 ? unique[0]! : unique.map((p) => (p.includes('=>') ? `(${p})` : p)).join(' | ');
}

/** True when `t` has a `|` or `&` outside brackets and strings (so it needs parentheses as an operand). */
function hasTopLevelOperator(t: string): boolean {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '(' || c === '[' || c === '<') depth++;
    else if (c === '}' || c === ')' || c === ']' || c === '>') depth--;
    else if (depth === 0 && (c === '|' || c === '&')) return true;
  }
  return false;
}

function wrap(t: string): string {
  return hasTopLevelOperator(t) ? `(${t})` : t;
}

/** The TypeScript type of a (doctored, JSON Schema 2020-12) schema. */
export function schemaToTs(schema: unknown, refName: RefNamer, indent = ''): string {
  if (schema === true || schema === undefined) return 'unknown';
  if (schema === false) return 'never';
  if (!isObject(schema)) return 'unknown';
  const parts: string[] = [];
  if (typeof schema['$ref'] === 'string') parts.push(refName(schema['$ref']));
  if ('const' in schema) return literal(schema['const']);
  if (Array.isArray(schema['enum'])) return union(schema['enum'].map(literal));
  if (Array.isArray(schema['allOf'])) parts.push(...schema['allOf'].map((s) => wrap(schemaToTs(s, refName, indent))));
  for (const k of ['oneOf', 'anyOf'] as const) {
    const list = schema[k];
    if (Array.isArray(list)) parts.push(wrap(union(list.map((s) => schemaToTs(s, refName, indent)))));
  }
  const own = ownType(schema, refName, indent);
  if (own !== undefined) parts.push(wrap(own));
  if (parts.length === 0) return 'unknown';
  const filtered = parts.length > 1 ? parts.filter((p) => p !== 'unknown') : parts;
  return filtered.length === 0 ? 'unknown' : filtered.join(' & ');
}

function ownType(schema: Json, refName: RefNamer, indent: string): string | undefined {
  const t = schema['type'];
  const types = typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
  const looksObject = schema['properties'] !== undefined || schema['additionalProperties'] !== undefined;
  const looksArray = schema['items'] !== undefined || schema['prefixItems'] !== undefined;
  if (types.length === 0) {
    if (looksObject) return objectType(schema, refName, indent);
    if (looksArray) return arrayType(schema, refName, indent);
    return undefined;
  }
  return union(
    types.map((ty) => {
      if (ty === 'object') return objectType(schema, refName, indent);
      if (ty === 'array') return arrayType(schema, refName, indent);
      return PRIMITIVE[ty] ?? 'unknown';
    }),
  );
}

function arrayType(schema: Json, refName: RefNamer, indent: string): string {
  const items = schema['items'];
  // draft-07 tuples (`items: [...]`, 3.0 documents) read like 2020-12 `prefixItems`.
  const prefix = Array.isArray(items) ? items : schema['prefixItems'];
  if (Array.isArray(items)) return `[${items.map((s) => schemaToTs(s, refName, indent)).join(', ')}, ...unknown[]]`;
  if (Array.isArray(prefix)) {
    const head = prefix.map((s) => schemaToTs(s, refName, indent));
    if (items === false) return `[${head.join(', ')}]`;
    return `[${[...head, `...${wrap(schemaToTs(items, refName, indent))}[]`].join(', ')}]`;
  }
  return `${wrap(schemaToTs(items, refName, indent))}[]`;
}

function objectType(schema: Json, refName: RefNamer, indent: string): string {
  const props = isObject(schema['properties']) ? schema['properties'] : {};
  const required = new Set(Array.isArray(schema['required']) ? schema['required'] : []);
  const inner = `${indent}  `;
  const lines: string[] = [];
  for (const [name, sub] of Object.entries(props)) {
    const doc = isObject(sub) ? docComment([typeof sub['description'] === 'string' ? sub['description'] : undefined, ...schemaTags(sub), sub['deprecated'] === true ? '@deprecated' : undefined], inner) : '';
    const ro = isObject(sub) && sub['readOnly'] === true ? 'readonly ' : '';
    lines.push(`${doc}${inner}${ro}${propKey(name)}${required.has(name) ? '' : '?'}: ${schemaToTs(sub, refName, inner)};`);
  }
  const extra = schema['additionalProperties'];
  const hasProps = lines.length > 0;
  if (extra !== undefined && extra !== false) {
    const value = hasProps || extra === true ? 'unknown' : schemaToTs(extra, refName, inner);
    lines.push(`${inner}[key: string]: ${value};`);
  }
  if (lines.length === 0) return extra === false ? 'Record<string, never>' : 'Record<string, unknown>';
  return `{\n${lines.join('\n')}\n${indent}}`;
}
