import {
  GraphQLBoolean, GraphQLEnumType, GraphQLFloat, GraphQLInt, GraphQLList, GraphQLScalarType, GraphQLString,
  type GraphQLInputType, type GraphQLOutputType,
} from 'graphql';
import type { SchemaObject } from 'openapi3-ts/oas31';
import type { ColumnModel } from '../model/table-model.js';
import { enumValueName, Namespace, pascalName } from './graphql-names.js';

/** The custom scalars, with the descriptions the generated service's own definitions carry. */
const CUSTOM: Record<string, GraphQLScalarType> = {
  BigInt: new GraphQLScalarType({ name: 'BigInt', description: 'A 64-bit integer, as a decimal string.' }),
  Datetime: new GraphQLScalarType({ name: 'Datetime', description: 'A point in time, as ISO 8601 text.' }),
  JSON: new GraphQLScalarType({ name: 'JSON', description: 'Any JSON value.' }),
};

/** A PostgreSQL enum as a GraphQL enum: its GraphQL name and `[value, label]` pairs. */
export interface EnumModel {
  readonly type: GraphQLEnumType;
  readonly values: readonly (readonly [string, string])[];
}

/** Maps columns to GraphQL types; remembers the custom scalars and enums it handed out. */
export class ColumnTypes {
  readonly scalars = new Set<string>();
  readonly enums = new Map<string, EnumModel>();
  readonly #types: Namespace;

  constructor(types: Namespace) {
    this.#types = types;
  }

  /** The GraphQL type of a column's values (nullability is the caller's). */
  of(c: ColumnModel): GraphQLOutputType & GraphQLInputType {
    return this.#fromSchema(c.schema, c.pgType.replace(/(\[\])+$/, ''));
  }

  /** `json`/`jsonb`: bound as JSON text. */
  static isJson(c: ColumnModel): boolean {
    return /^jsonb?$/.test(c.pgType);
  }

  #fromSchema(s: SchemaObject, pgType: string): GraphQLOutputType & GraphQLInputType {
    if (s.type === 'array' && s.items && !('$ref' in s.items)) return new GraphQLList(this.#fromSchema(s.items, pgType));
    if (s.type === 'string' && Array.isArray(s.enum)) return this.#enum(pgType, s.enum.map(String));
    if (s.type === 'integer') return s.format === 'int64' ? this.#custom('BigInt') : GraphQLInt;
    if (s.type === 'number') return GraphQLFloat;
    if (s.type === 'boolean') return GraphQLBoolean;
    if (s.type === 'string') return s.format === 'date-time' ? this.#custom('Datetime') : GraphQLString;
    return this.#custom('JSON');
  }

  #custom(name: string): GraphQLScalarType {
    this.scalars.add(name);
    return CUSTOM[name]!;
  }

  #enum(pgType: string, labels: readonly string[]): GraphQLEnumType {
    const key = pgType.replace(/^public\./, '');
    const known = this.enums.get(key);
    if (known) return known.type;
    const base = pascalName(key, 'Enum');
    const name = this.#types.claim(base, `${base}Enum`);
    const names = new Namespace();
    const values = labels.map((label) => [names.claim(enumValueName(label)), label] as const);
    const type = new GraphQLEnumType({ name, values: Object.fromEntries(values.map(([v]) => [v, { value: v }])) });
    this.enums.set(key, { type, values });
    return type;
  }
}
