/**
 * The slice of a GraphQL schema the probe needs, read from an introspection result: object types, their
 * fields, field arguments and type references. Used to build the depth and cost probes.
 */

/** A type reference as introspection returns it (`NON_NULL` / `LIST` wrappers around a named type). */
export interface TypeRef {
  readonly kind: string;
  readonly name?: string | null;
  readonly ofType?: TypeRef | null;
}

export interface SchemaField {
  readonly name: string;
  readonly args: readonly { readonly name: string; readonly type: TypeRef; readonly defaultValue?: string | null }[];
  readonly type: TypeRef;
}

export interface SchemaType {
  readonly kind: string;
  readonly name: string;
  readonly fields: readonly SchemaField[];
}

/** The schema as the probe sees it. */
export interface ProbeSchema {
  readonly queryType: string;
  readonly mutationType: string | undefined;
  readonly types: ReadonlyMap<string, SchemaType>;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';

/** The introspection query the probe sends: only what {@link readSchema} needs. */
export const INTROSPECTION_QUERY = `query SbProbeIntrospection { __schema { queryType { name } mutationType { name } types { kind name fields(includeDeprecated: true) { name args { name defaultValue type { ${TYPE_REF} } } type { ${TYPE_REF} } } } } }`;

/** Reads the `data` of {@link INTROSPECTION_QUERY}; undefined when it does not have the expected shape. */
export function readSchema(data: unknown): ProbeSchema | undefined {
  const schema = (data as Record<string, { queryType?: { name?: unknown }; mutationType?: { name?: unknown } | null; types?: unknown } | undefined> | null)?.['__schema'];
  if (!schema || !Array.isArray(schema.types) || typeof schema.queryType?.name !== 'string') return undefined;
  const types = new Map<string, SchemaType>();
  for (const t of schema.types as { kind?: unknown; name?: unknown; fields?: unknown }[]) {
    if (typeof t?.name !== 'string' || typeof t.kind !== 'string') continue;
    types.set(t.name, { kind: t.kind, name: t.name, fields: Array.isArray(t.fields) ? (t.fields as SchemaField[]).filter((f) => typeof f?.name === 'string' && Array.isArray(f.args)) : [] });
  }
  const mutation = schema.mutationType?.name;
  return { queryType: schema.queryType.name, mutationType: typeof mutation === 'string' ? mutation : undefined, types };
}

/** The named type under the wrappers. */
export function namedType(ref: TypeRef): string | undefined {
  let t: TypeRef | null | undefined = ref;
  for (let i = 0; t && i < 8; i += 1) {
    if (t.name) return t.name;
    t = t.ofType;
  }
  return undefined;
}

/** True when the reference has a `LIST` wrapper. */
export function isList(ref: TypeRef): boolean {
  let t: TypeRef | null | undefined = ref;
  for (let i = 0; t && i < 8; i += 1) {
    if (t.kind === 'LIST') return true;
    t = t.ofType;
  }
  return false;
}

/** The object (or interface) type a field returns, or undefined for scalars, enums and unions. */
export function objectTypeOf(schema: ProbeSchema, field: SchemaField): SchemaType | undefined {
  const name = namedType(field.type);
  const type = name === undefined ? undefined : schema.types.get(name);
  return type && (type.kind === 'OBJECT' || type.kind === 'INTERFACE') && type.fields.length > 0 ? type : undefined;
}
