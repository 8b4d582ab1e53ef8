import { isList, namedType, objectTypeOf, type ProbeSchema, type SchemaField, type SchemaType, type TypeRef } from './schema.js';

/** Argument names read as a page size: set to the probe's list size. */
const PAGE_SIZE_ARG = /^(first|last|limit|take|count|size|pageSize|perPage|per_page|top)$/i;
/** How many items the cost probe asks of each list. */
export const COST_LIST_SIZE = 100;
/** Nominal cost at which the cost probe counts a query as expensive. */
export const EXPENSIVE_COST = 10_000;
const MAX_SELECTIONS = 400;

/**
 * A query nested `depth` object levels deep, following object fields from the query root (through a
 * cycle such as `User.posts → Post.author → User` when there is one), lists asked for one item. Undefined
 * when the schema has no path that deep: then nesting is bounded by the schema itself.
 */
export function depthQuery(schema: ProbeSchema, depth: number): string | undefined {
  const root = schema.types.get(schema.queryType);
  if (!root) return undefined;
  const memo = new Map<string, SchemaField[] | null>();
  const path = (type: SchemaType, remaining: number): SchemaField[] | null => {
    if (remaining === 0) return [];
    const key = `${type.name}:${remaining}`;
    if (memo.has(key)) return memo.get(key) ?? null;
    memo.set(key, null);
    for (const field of type.fields) {
      const next = objectTypeOf(schema, field);
      if (!next || fieldArgs(field, 1) === undefined) continue;
      const rest = path(next, remaining - 1);
      if (rest) {
        memo.set(key, [field, ...rest]);
        return [field, ...rest];
      }
    }
    return null;
  };
  const fields = path(root, depth);
  if (!fields) return undefined;
  const body = fields.reduceRight((inner, f) => `${f.name}${fieldArgs(f, 1) ?? ''} { ${inner} }`, '__typename');
  return `query SbProbeDepth { ${body} }`;
}

/** The deepest object nesting the schema allows, up to `cap`. */
export function schemaDepth(schema: ProbeSchema, cap: number): number {
  for (let d = cap; d > 0; d -= 1) if (depthQuery(schema, d)) return d;
  return 0;
}

/**
 * An expensive query of at most `depth` levels: every object field with fillable arguments, lists asked for
 * {@link COST_LIST_SIZE} items, at most 400 selections. `cost` is its nominal cost: each selection counts
 * the product of the list sizes above and at it (a list without a page-size argument counts 10).
 */
export function costQuery(schema: ProbeSchema, depth: number): { query: string; cost: number } | undefined {
  const root = schema.types.get(schema.queryType);
  if (!root) return undefined;
  let selections = 0;
  let cost = 0;
  const select = (type: SchemaType, level: number, multiplier: number): string => {
    const parts: string[] = ['__typename'];
    cost += multiplier;
    for (const field of type.fields) {
      if (selections >= MAX_SELECTIONS) break;
      const args = fieldArgs(field, COST_LIST_SIZE);
      if (args === undefined) continue;
      const next = objectTypeOf(schema, field);
      const list = isList(field.type);
      const factor = list ? (field.args.some((a) => PAGE_SIZE_ARG.test(a.name) && namedType(a.type) === 'Int') ? COST_LIST_SIZE : 10) : 1;
      if (!next) {
        if (level === 1) continue;
        selections += 1;
        cost += multiplier * factor;
        parts.push(`${field.name}${args}`);
      } else if (level < depth) {
        selections += 1;
        parts.push(`${field.name}${args} { ${select(next, level + 1, multiplier * factor)} }`);
      }
    }
    return parts.join(' ');
  };
  const body = select(root, 1, 1);
  if (selections === 0) return undefined;
  return { query: `query SbProbeCost { ${body} }`, cost };
}

/** Literal arguments for a field: required ones filled, page sizes set to `listSize`; undefined when a required one cannot be filled. */
function fieldArgs(field: SchemaField, listSize: number): string | undefined {
  const parts: string[] = [];
  for (const arg of field.args) {
    const scalar = namedType(arg.type);
    const required = arg.type.kind === 'NON_NULL' && (arg.defaultValue === null || arg.defaultValue === undefined);
    if (PAGE_SIZE_ARG.test(arg.name) && scalar === 'Int' && !isListRef(arg.type)) {
      parts.push(`${arg.name}: ${listSize}`);
      continue;
    }
    if (!required) continue;
    const literal = sampleLiteral(arg.type);
    if (literal === undefined) return undefined;
    parts.push(`${arg.name}: ${literal}`);
  }
  return parts.length === 0 ? '' : `(${parts.join(', ')})`;
}

function isListRef(ref: TypeRef): boolean {
  return isList(ref);
}

function sampleLiteral(ref: TypeRef): string | undefined {
  const name = namedType(ref);
  const value = name === 'Int' || name === 'Float' ? '1' : name === 'String' || name === 'ID' ? '"1"' : name === 'Boolean' ? 'true' : undefined;
  if (value === undefined) return undefined;
  return isList(ref) ? `[${value}]` : value;
}
