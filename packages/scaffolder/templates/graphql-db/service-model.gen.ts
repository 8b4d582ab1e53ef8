/** How the database-first service sees the database: written by sb scaffold --from-db --api graphql into model.gen.ts. */

/** One table: its GraphQL type, its SQL name and the GraphQL field of every column. */
export interface TableMeta {
  /** The GraphQL object type. */
  readonly type: string;
  /** `[schema, table]`, quoted only when SQL is built (kysely's `sql.id`). */
  readonly table: readonly [string, string];
  /** `[field, column]` for every column, in table order: rows are selected with the field names as aliases. */
  readonly columns: readonly (readonly [string, string])[];
  /** Fields of json/jsonb columns: bound as JSON text (node-postgres would send a JS array as a PostgreSQL array). */
  readonly json: readonly string[];
  /** The primary key's fields; empty: a list with offset cursors and no lookups or mutations. */
  readonly key: readonly string[];
  /** Fields of the filter input (indexed columns, equality). */
  readonly filters: readonly string[];
  /** The order-by enum: value → `[field, descending]`. The first value is the default. */
  readonly orderBy: readonly (readonly [string, string, boolean])[];
  /** Fields of the create input and of the patch input (server-owned columns are in neither). */
  readonly createFields: readonly string[];
  readonly patchFields: readonly string[];
  /** Root fields: `Query.<list>`, `Query.<byKey>`, `Mutation.<create|update|delete>` (absent: not generated). */
  readonly root: { readonly list: string; readonly byKey?: string; readonly create?: string; readonly update?: string; readonly delete?: string };
  /** The argument of the update mutation holding the patch (`patch`, unless a key field has that name). */
  readonly patchArg: string;
}

/**
 * A foreign key seen from one side: `one` is the many-to-one field on the referencing type (loads the row its
 * columns point at), `many` the one-to-many connection on the referenced type (loads the rows pointing at it).
 */
export interface RelationMeta {
  readonly kind: 'one' | 'many';
  /** The type that has the field, and the field. */
  readonly type: string;
  readonly field: string;
  /** The type the field loads. */
  readonly target: string;
  /** Fields of `type` whose values are matched… */
  readonly from: readonly string[];
  /** …against these fields of `target`. */
  readonly to: readonly string[];
}

/** Everything the resolvers are built from. */
export interface ServiceModel {
  readonly tables: readonly TableMeta[];
  readonly relations: readonly RelationMeta[];
  /** GraphQL enum → `[GraphQL value, PostgreSQL label]`. */
  readonly enums: readonly (readonly [string, readonly (readonly [string, string])[]])[];
  /** The custom scalars the schema uses (`BigInt`, `Datetime`, `JSON`). */
  readonly scalars: readonly string[];
  /** Page size when `first` is absent, and its maximum. */
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
}
