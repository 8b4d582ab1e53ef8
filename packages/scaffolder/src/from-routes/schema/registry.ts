import type { ReferenceObject, SchemaObject } from 'openapi3-ts/oas31';

/** A JSON Schema (OpenAPI 3.1 dialect) or a `$ref` to a component. */
export type JsonSchema = SchemaObject | ReferenceObject;

/**
 * The named schemas found while converting (`components.schemas`), keyed by the identity of what they came
 * from (a declaration node, a zod schema variable), so two types with one name get distinct, stable names.
 */
export class SchemaRegistry {
  readonly schemas = new Map<string, JsonSchema>();
  private readonly names = new Map<unknown, string>();

  /** The component name already given to `key`, if any. */
  nameOf(key: unknown): string | undefined {
    return this.names.get(key);
  }

  /** Gives `key` a unique component name derived from `wanted` and a placeholder schema (for recursion). */
  reserve(key: unknown, wanted: string): string {
    const base = wanted.replace(/[^A-Za-z0-9._-]/g, '_') || 'Schema';
    let name = base;
    for (let i = 2; this.schemas.has(name); i++) name = `${base}${i}`;
    this.names.set(key, name);
    this.schemas.set(name, {});
    return name;
  }

  define(name: string, schema: JsonSchema): void {
    this.schemas.set(name, schema);
  }

  static ref(name: string): ReferenceObject {
    return { $ref: `#/components/schemas/${name}` };
  }
}

/** Adds `null` to a schema: a type array for simple types, else `anyOf`. */
export function withNull(schema: JsonSchema): JsonSchema {
  if (!('$ref' in schema) && typeof schema.type === 'string' && !schema.oneOf && !schema.anyOf) {
    const out: SchemaObject = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null];
    return out;
  }
  return { anyOf: [schema, { type: 'null' }] };
}
