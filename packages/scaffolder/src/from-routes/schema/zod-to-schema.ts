import { Node, type CallExpression } from 'ts-morph';
import type { SchemaObject } from 'openapi3-ts/oas31';
import { resolveDeclaration, unwrap } from '../discover/resolve.js';
import { SchemaRegistry, withNull, type JsonSchema } from './registry.js';
import { staticValue, UNKNOWN } from './static-value.js';
import type { TypeToSchema } from './type-to-schema.js';

/** A converted zod schema; `optional` when the chain had `.optional()` / `.default()`. */
export interface ZodSchema {
  readonly schema: JsonSchema;
  readonly optional: boolean;
}

const FORMATS: Record<string, string> = { email: 'email', uuid: 'uuid', url: 'uri', datetime: 'date-time', date: 'date', ipv4: 'ipv4', ipv6: 'ipv6', cuid: 'cuid' };

/** True when the expression looks like a zod schema: a call chain rooted at `z.` or a variable holding one. */
export function isZodExpression(expr: Node | undefined, depth = 0): boolean {
  const e = unwrap(expr);
  if (!e || depth > 5) return false;
  if (Node.isCallExpression(e) || Node.isPropertyAccessExpression(e)) {
    let root: Node = e;
    while (Node.isCallExpression(root) || Node.isPropertyAccessExpression(root)) root = root.getExpression();
    if (Node.isIdentifier(root) && root.getText() === 'z') return true;
    if (Node.isIdentifier(root)) return isZodExpression(root, depth + 1);
  }
  if (Node.isIdentifier(e)) {
    const decl = resolveDeclaration(e);
    return !!decl && Node.isVariableDeclaration(decl) && isZodExpression(decl.getInitializer(), depth + 1);
  }
  return false;
}

/**
 * Reads a zod schema from its source (zod 3 and 4 spellings): `z.object/string/number/boolean/date/array/
 * enum/literal/union/record/nullable/optional`, refinements `.min/.max/.int/.email/.uuid/.url/.regex/
 * .positive/.nonnegative/.default/.describe/.strict`, and schema variables (→ named components). Anything it
 * cannot read falls back to the schema's inferred output type, through the checker.
 */
export class ZodToSchema {
  constructor(
    readonly registry: SchemaRegistry,
    private readonly types: TypeToSchema,
  ) {}

  convert(expr: Node, depth = 0): ZodSchema {
    const e = unwrap(expr)!;
    if (Node.isIdentifier(e) && depth < 20) {
      const decl = resolveDeclaration(e);
      if (decl && Node.isVariableDeclaration(decl) && decl.getInitializer()) {
        const existing = this.registry.nameOf(decl);
        if (existing) return { schema: SchemaRegistry.ref(existing), optional: false };
        const inner = this.convert(decl.getInitializer()!, depth + 1);
        if ('$ref' in inner.schema || (inner.schema as SchemaObject).type !== 'object') return inner;
        const name = this.registry.reserve(decl, decl.getName().replace(/Schema$/i, '').replace(/^./, (c) => c.toUpperCase()));
        this.registry.define(name, inner.schema);
        return { schema: SchemaRegistry.ref(name), optional: inner.optional };
      }
    }
    if (Node.isCallExpression(e)) {
      const read = this.call(e, depth);
      if (read) return read;
    }
    return { schema: this.fallback(e), optional: false };
  }

  private call(call: CallExpression, depth: number): ZodSchema | undefined {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.getName();
    const target = callee.getExpression();
    const args = call.getArguments();
    const isRoot = ['z', 'z.coerce', 'z.iso', 'z.string'].includes(target.getText());
    if (isRoot) return this.factory(method, args, depth);
    const base = this.convert(target, depth + 1);
    if ('$ref' in base.schema && !['optional', 'nullable', 'nullish', 'default', 'describe', 'array'].includes(method)) return undefined;
    const s = { ...(base.schema as SchemaObject) };
    const n = staticValue(args[0]);
    switch (method) {
      case 'optional': return { schema: base.schema, optional: true };
      case 'nullable': return { schema: withNull(base.schema), optional: base.optional };
      case 'nullish': return { schema: withNull(base.schema), optional: true };
      case 'default': return { schema: n === UNKNOWN ? base.schema : { ...s, default: n }, optional: true };
      case 'describe': return { schema: typeof n === 'string' ? { ...s, description: n } : base.schema, optional: base.optional };
      case 'array': return { schema: { type: 'array', items: base.schema }, optional: false };
      case 'int': return { schema: { ...s, type: 'integer' }, optional: base.optional };
      case 'positive': return { schema: { ...s, exclusiveMinimum: 0 }, optional: base.optional };
      case 'nonnegative': return { schema: { ...s, minimum: 0 }, optional: base.optional };
      case 'strict': return { schema: { ...s, additionalProperties: false }, optional: base.optional };
      case 'regex': return { schema: Node.isRegularExpressionLiteral(args[0]!) ? { ...s, pattern: args[0].getLiteralValue().source } : s, optional: base.optional };
      case 'min': case 'max': case 'length': {
        if (typeof n !== 'number') return base;
        const kind = s.type === 'string' ? 'Length' : s.type === 'array' ? 'Items' : '';
        if (method === 'length') return { schema: { ...s, [`min${kind}`]: n, [`max${kind}`]: n }, optional: base.optional };
        return { schema: { ...s, [kind ? `${method}${kind}` : method === 'min' ? 'minimum' : 'maximum']: n }, optional: base.optional };
      }
      default:
        if (FORMATS[method]) return { schema: { ...s, format: FORMATS[method] }, optional: base.optional };
        return ['trim', 'toLowerCase', 'toUpperCase', 'finite', 'safe', 'openapi'].includes(method) ? base : undefined;
    }
  }

  private factory(method: string, args: Node[], depth: number): ZodSchema | undefined {
    const one = (schema: JsonSchema): ZodSchema => ({ schema, optional: false });
    switch (method) {
      case 'string': return one({ type: 'string' });
      case 'number': return one({ type: 'number' });
      case 'int': case 'bigint': return one({ type: 'integer' });
      case 'boolean': return one({ type: 'boolean' });
      case 'date': return one({ type: 'string', format: 'date-time' });
      case 'null': return one({ type: 'null' });
      case 'any': case 'unknown': return one({});
      case 'literal': { const v = staticValue(args[0]); return v === UNKNOWN ? undefined : one({ const: v }); }
      case 'enum': { const v = staticValue(args[0]); return Array.isArray(v) ? one({ type: 'string', enum: v }) : undefined; }
      case 'array': return args[0] ? one({ type: 'array', items: this.convert(args[0], depth + 1).schema }) : undefined;
      case 'nullable': return args[0] ? one(withNull(this.convert(args[0], depth + 1).schema)) : undefined;
      case 'optional': return args[0] ? { schema: this.convert(args[0], depth + 1).schema, optional: true } : undefined;
      case 'record': { const v = args[args.length - 1]; return v ? one({ type: 'object', additionalProperties: this.convert(v, depth + 1).schema }) : undefined; }
      case 'union': {
        const arr = unwrap(args[0]);
        if (!arr || !Node.isArrayLiteralExpression(arr)) return undefined;
        return one({ oneOf: arr.getElements().map((el) => this.convert(el, depth + 1).schema) });
      }
      case 'object': case 'strictObject': return this.object(args[0], depth, method === 'strictObject');
      default:
        return FORMATS[method] ? one({ type: 'string', format: FORMATS[method] }) : undefined;
    }
  }

  private object(shape: Node | undefined, depth: number, strict: boolean): ZodSchema | undefined {
    const obj = unwrap(shape);
    if (!obj || !Node.isObjectLiteralExpression(obj)) return undefined;
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const prop of obj.getProperties()) {
      if (!Node.isPropertyAssignment(prop)) return undefined;
      const value = this.convert(prop.getInitializerOrThrow(), depth + 1);
      const key = prop.getNameNode().getText().replace(/^['"]|['"]$/g, '');
      properties[key] = value.schema;
      if (!value.optional) required.push(key);
    }
    const schema: SchemaObject = { type: 'object', properties };
    if (required.length) schema.required = required;
    if (strict) schema.additionalProperties = false;
    return { schema, optional: false };
  }

  /** The schema's output type (`z.infer`), read through the checker: zod 3 `_output`, zod 4 `_zod.output`. */
  private fallback(expr: Node): JsonSchema {
    const type = expr.getType();
    const out = type.getProperty('_output') ?? type.getProperty('_zod')?.getTypeAtLocation(expr).getProperty('output');
    if (!out) {
      this.types.opaque++;
      return {};
    }
    return this.types.convert(out.getTypeAtLocation(expr), expr);
  }
}
