/**
 * The shape of `model.gen.ts`, the data the generated service builds its resolvers from. The runtime declares
 * the same interfaces in `templates/graphql-db/service-model.gen.ts` (documented there); the test that
 * type-checks a generated tree under `tsc --strict` checks the model this package writes against them.
 */
export interface TableMeta {
  readonly type: string;
  readonly table: readonly [string, string];
  readonly columns: readonly (readonly [string, string])[];
  readonly json: readonly string[];
  readonly key: readonly string[];
  readonly filters: readonly string[];
  readonly orderBy: readonly (readonly [string, string, boolean])[];
  readonly createFields: readonly string[];
  readonly patchFields: readonly string[];
  readonly root: { readonly list: string; readonly byKey?: string; readonly create?: string; readonly update?: string; readonly delete?: string };
  readonly patchArg: string;
}

export interface RelationMeta {
  readonly kind: 'one' | 'many';
  readonly type: string;
  readonly field: string;
  readonly target: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
}

export interface ServiceModel {
  readonly tables: readonly TableMeta[];
  readonly relations: readonly RelationMeta[];
  readonly enums: readonly (readonly [string, readonly (readonly [string, string])[]])[];
  readonly scalars: readonly string[];
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
}
