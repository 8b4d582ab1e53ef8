import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const INTEGER = /^-?\d{1,19}$/;

const invalid = (what: string): GraphQLError => new GraphQLError(`not a valid ${what}`, { extensions: { code: 'BAD_USER_INPUT' } });

/** int8 columns: a decimal string in JSON (exact beyond 2^53); accepts an integer or a decimal string. */
export const BigIntScalar = new GraphQLScalarType({
  name: 'BigInt',
  description: 'A 64-bit integer, as a decimal string.',
  serialize: (value) => (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string' ? String(value) : null),
  parseValue(value) {
    if ((typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && INTEGER.test(value))) return String(value);
    throw invalid('BigInt');
  },
  parseLiteral(node) {
    if ((node.kind === Kind.INT || node.kind === Kind.STRING) && INTEGER.test(node.value)) return node.value;
    throw invalid('BigInt');
  },
});

/** timestamp columns: ISO 8601 text. */
export const DatetimeScalar = new GraphQLScalarType({
  name: 'Datetime',
  description: 'A point in time, as ISO 8601 text.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null),
  parseValue(value) {
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
    throw invalid('Datetime');
  },
  parseLiteral(node) {
    if (node.kind === Kind.STRING && !Number.isNaN(Date.parse(node.value))) return node.value;
    throw invalid('Datetime');
  },
});

/** json/jsonb columns, and columns of types without a GraphQL form: any JSON value. */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral(node, variables): unknown {
    switch (node.kind) {
      case Kind.NULL:
        return null;
      case Kind.INT:
      case Kind.FLOAT:
        return Number(node.value);
      case Kind.STRING:
      case Kind.ENUM:
        return node.value;
      case Kind.BOOLEAN:
        return node.value;
      case Kind.LIST:
        return node.values.map((v) => JsonScalar.parseLiteral(v, variables));
      case Kind.OBJECT: {
        const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
        for (const f of node.fields) out[f.name.value] = JsonScalar.parseLiteral(f.value, variables);
        return out;
      }
      case Kind.VARIABLE:
        return variables?.[node.name.value];
    }
  },
});

/** The scalars by name. */
export const SCALARS: ReadonlyMap<string, GraphQLScalarType> = new Map([BigIntScalar, DatetimeScalar, JsonScalar].map((s) => [s.name, s]));
