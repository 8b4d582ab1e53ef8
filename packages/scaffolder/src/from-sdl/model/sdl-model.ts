import {
  getNamedType, isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, isScalarType, isUnionType,
  type GraphQLSchema, type GraphQLType,
} from 'graphql';

/** One field that gets a resolver: root fields, and object fields that take arguments. */
export interface ResolverField {
  readonly typeName: string;
  readonly field: string;
  /** The SDL signature, for the stub's comment: `user(id: ID!): User`. */
  readonly signature: string;
  readonly hasArgs: boolean;
}

/** TypeScript names GraphQL names must not take (GraphQL names are already identifiers). */
const RESERVED = new Set(['Promise', 'Object', 'String', 'Number', 'Boolean', 'Array', 'Record', 'Date', 'Error', 'Map', 'Set', 'Symbol', 'Function', 'Context', 'Resolver']);

/** The TypeScript name of a GraphQL named type. */
export function tsName(name: string): string {
  return RESERVED.has(name) ? `${name}_` : name;
}

const SCALARS: Record<string, string> = { ID: 'string', String: 'string', Int: 'number', Float: 'number', Boolean: 'boolean' };

/** The TypeScript type of a GraphQL type reference (nullable → `| null`). */
export function tsType(type: GraphQLType, nullable = true): string {
  if (isNonNullType(type)) return tsType(type.ofType, false);
  const inner = isListType(type) ? `Array<${tsType(type.ofType)}>` : namedTs(getNamedType(type).name, getNamedType(type));
  return nullable ? `${inner} | null` : inner;
}

function namedTs(name: string, type: unknown): string {
  if (isScalarType(type)) return SCALARS[name] ?? 'unknown';
  return tsName(name);
}

/** Every user-defined named type of the schema, by kind, sorted by name. */
export function userTypes(schema: GraphQLSchema) {
  const all = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__')).sort((a, b) => a.name.localeCompare(b.name));
  return {
    objects: all.filter(isObjectType),
    inputs: all.filter(isInputObjectType),
    enums: all.filter(isEnumType),
    unions: all.filter(isUnionType),
    interfaces: all.filter(isInterfaceType),
  };
}

/** The fields that get resolver stubs. */
export function resolverFields(schema: GraphQLSchema): ResolverField[] {
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name].filter((n): n is string => n !== undefined));
  const out: ResolverField[] = [];
  for (const type of userTypes(schema).objects) {
    if (type.name === schema.getSubscriptionType()?.name) continue;
    for (const field of Object.values(type.getFields())) {
      if (!roots.has(type.name) && field.args.length === 0) continue;
      const args = field.args.length ? `(${field.args.map((a) => `${a.name}: ${a.type.toString()}`).join(', ')})` : '';
      out.push({ typeName: type.name, field: field.name, signature: `${field.name}${args}: ${field.type.toString()}`, hasArgs: field.args.length > 0 });
    }
  }
  return out;
}
