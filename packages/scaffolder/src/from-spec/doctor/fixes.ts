import type { ScaffoldWarning } from '../../result.js';
import { toPointer, isObject, type Json, type SpecVersion } from '@sb/openapi';
import type { Keys } from '../../openapi/schema-walk.js';

const KNOWN = new Set(
  (
    'type enum const multipleOf maximum exclusiveMaximum minimum exclusiveMinimum maxLength minLength pattern maxItems ' +
    'minItems uniqueItems maxContains minContains maxProperties minProperties required dependentRequired allOf anyOf oneOf ' +
    'not if then else dependentSchemas prefixItems items contains properties patternProperties additionalProperties ' +
    'propertyNames unevaluatedItems unevaluatedProperties title description default deprecated readOnly writeOnly examples ' +
    'format contentEncoding contentMediaType contentSchema $ref $defs definitions $comment'
  ).split(' '),
);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);
/** OpenAPI annotations that mean nothing to a validator: kept (the spec `sb spec` gives back has them), never validated. */
const OPENAPI_ANNOTATIONS = new Set(['example', 'xml', 'externalDocs', 'discriminator']);
/** Keywords that would change how validators resolve `$ref`s across the generated schemas: dropped silently. */
const RESOLUTION = new Set(['$schema', '$id', '$anchor', '$dynamicAnchor']);

/** The state one doctor run threads through every schema. */
export interface FixContext {
  readonly version: SpecVersion;
  readonly warnings: ScaffoldWarning[];
  /** Every `format` value seen, with the pointer of its first use, so validators can register unknown ones. */
  readonly formats: Map<string, string>;
}

function warn(ctx: FixContext, code: string, keys: Keys, message: string): void {
  ctx.warnings.push({ code, message, pointer: toPointer(keys) });
}

/** Normalises one schema node in place: each quirk it fixes becomes a warning at its pointer. */
export function fixSchema(s: Json, keys: Keys, ctx: FixContext): void {
  fixNullable(s, keys, ctx);
  for (const k of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const bound = k === 'exclusiveMinimum' ? 'minimum' : 'maximum';
    if (s[k] === true && typeof s[bound] === 'number') {
      s[k] = s[bound];
      delete s[bound];
    } else if (typeof s[k] === 'boolean') delete s[k];
  }
  if (Array.isArray(s['enum'])) {
    const seen = new Set<string>();
    const unique = s['enum'].filter((v) => {
      const key = JSON.stringify(v);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (unique.length !== s['enum'].length) {
      warn(ctx, 'duplicate-enum-item', [...keys, 'enum'], `enum lists ${s['enum'].length - unique.length} duplicate item(s); kept one of each`);
      s['enum'] = unique;
    }
  }
  if (typeof s['pattern'] === 'string' && !validPattern(s['pattern'])) {
    warn(ctx, 'invalid-pattern', [...keys, 'pattern'], `pattern ${JSON.stringify(s['pattern'])} is not a valid JavaScript regular expression; not validated`);
    delete s['pattern'];
  }
  if (s['required'] !== undefined && !(Array.isArray(s['required']) && s['required'].every((r) => typeof r === 'string'))) {
    warn(ctx, 'invalid-required', [...keys, 'required'], '`required` must be an array of property names; ignored');
    delete s['required'];
  }
  if (Array.isArray(s['items']) && ctx.version === '3.1') {
    warn(ctx, 'tuple-items', [...keys, 'items'], 'array-form `items` is not OpenAPI; read as `prefixItems`');
    s['prefixItems'] = s['items'];
    delete s['items'];
  }
  const t = s['type'];
  if (t !== undefined && !(typeof t === 'string' ? TYPES.has(t) : Array.isArray(t) && t.every((x) => typeof x === 'string' && TYPES.has(x)))) {
    // Only reachable in a `$ref` target the validation walk does not enter (e.g. inside a 3.1 annotation).
    warn(ctx, 'invalid-type', [...keys, 'type'], `\`type\` must be a JSON type name or a list of them (got ${JSON.stringify(t).slice(0, 80)}); read as any type`);
    delete s['type'];
  }
  if (typeof s['format'] === 'string' && !ctx.formats.has(s['format'])) ctx.formats.set(s['format'], toPointer([...keys, 'format']));
  if (ctx.version === '3.1' && isObject(s['definitions'])) {
    // JSON Schema 2020-12 has `$defs`; `definitions` is an unknown keyword, i.e. an annotation: kept so `$ref`s
    // into it resolve, but its entries are not schemas unless something refers to them.
    warn(ctx, 'annotation-keyword', [...keys, 'definitions'], '`definitions` is not a JSON Schema 2020-12 keyword (use `$defs`); read as an annotation: only the entries a `$ref` points to are used as schemas');
  }
  for (const k of Object.keys(s)) {
    if (KNOWN.has(k) || OPENAPI_ANNOTATIONS.has(k) || k.startsWith('x-')) continue;
    if (RESOLUTION.has(k)) delete s[k];
    else warn(ctx, 'unknown-keyword', [...keys, k], `keyword ${JSON.stringify(k)} is not part of OpenAPI ${ctx.version} schemas; kept as an annotation, not validated`);
  }
}

function validPattern(p: string): boolean {
  for (const flags of ['u', '']) {
    try {
      if (new RegExp(p, flags).source !== '') return true;
    } catch {
      // try the next flag set
    }
  }
  return false;
}

/** `nullable: true` (3.0) becomes a `null` member of `type`, or `anyOf: [schema, {type: null}]` when there is no `type`. */
function fixNullable(s: Json, keys: Keys, ctx: FixContext): void {
  if (!('nullable' in s)) return;
  const nullable = s['nullable'] === true;
  delete s['nullable'];
  if (!nullable) return;
  if (ctx.version === '3.1') warn(ctx, 'nullable-in-3.1', [...keys, 'nullable'], '`nullable` is OpenAPI 3.0; in 3.1 use `type: [..., "null"]`; read as nullable');
  if (Array.isArray(s['enum']) && !s['enum'].includes(null)) s['enum'] = [...s['enum'], null];
  const t = s['type'];
  if (typeof t === 'string') s['type'] = [t, 'null'];
  else if (Array.isArray(t)) {
    if (!t.includes('null')) s['type'] = [...t, 'null'];
  } else {
    warn(ctx, 'nullable-without-type', [...keys, 'nullable'], '`nullable: true` without `type` (ignored by JSON Schema validators); read as anyOf [schema, null]');
    const rest: Json = {};
    for (const [k, v] of Object.entries(s)) {
      if (k === 'description' || k === 'title' || k === 'default' || k === 'readOnly' || k === 'writeOnly' || k === 'deprecated') continue;
      rest[k] = v;
      delete s[k];
    }
    s['anyOf'] = [rest, { type: 'null' }];
  }
}

/** Collects the component schemas reached from `s` without passing through an object or array boundary. */
export function topLevelRefs(s: unknown, out: Set<string>): void {
  if (!isObject(s)) return;
  if (typeof s['$ref'] === 'string') out.add(s['$ref']);
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = s[k];
    if (Array.isArray(list)) for (const x of list) topLevelRefs(x, out);
  }
}
