import {
  GraphQLBoolean, GraphQLEnumType, GraphQLInputObjectType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString,
  type GraphQLFieldConfigArgumentMap, type GraphQLFieldConfigMap, type GraphQLInputType,
} from 'graphql';
import type { ResourceNames } from '../model/resource-names.js';
import type { ColumnModel, TableModel } from '../model/table-model.js';
import { ColumnTypes } from './column-types.js';
import { camelName, enumValueName, lowerFirst, Namespace, pascalName, RESERVED_TYPES } from './graphql-names.js';
import type { RelationMeta, ServiceModel, TableMeta } from './service-model.js';

/** Page size when `first` is absent (also the SDL default, which the cost limit reads), and its maximum. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** What the GraphQL service of one table offers. */
export interface GraphqlTableReport {
  /** `schema.table`. */
  readonly table: string;
  readonly type: string;
  readonly queries: readonly string[];
  readonly mutations: readonly string[];
  /** Relation fields of the type: `owner → Owner`, `pets → [Pet]`. */
  readonly relations: readonly string[];
}

/** The schema (printed into `type-defs.gen.ts`) and the model the runtime resolves it with (`model.gen.ts`). */
export interface GraphqlService {
  readonly schema: GraphQLSchema;
  readonly model: ServiceModel;
  readonly tables: readonly GraphqlTableReport[];
}

interface Planned {
  readonly t: TableModel;
  readonly type: string;
  readonly fieldOf: ReadonlyMap<string, string>;
  readonly fields: Namespace;
  readonly meta: { -readonly [K in keyof TableMeta]: TableMeta[K] };
  readonly relations: RelationMeta[];
}

/**
 * Plans the GraphQL API over the tables: a type per table (a field per column, camel-cased), relations both ways
 * from foreign keys, Relay connections with `first`/`after`, equality filters on indexed columns, an order-by
 * enum of indexed non-null columns, and create/update/delete by primary key without server-owned columns.
 */
export function buildService(tables: readonly TableModel[], names: ReadonlyMap<TableModel, ResourceNames>): GraphqlService {
  const types = new Namespace(RESERVED_TYPES);
  const columnTypes = new ColumnTypes(types);
  const query = new Namespace();
  const mutation = new Namespace();
  const planned: Planned[] = tables.map((t) => {
    const n = names.get(t)!;
    const type = types.claimGroup(n.singular, (b) => [`${b}Connection`, `${b}Edge`, `${b}Filter`, `${b}OrderBy`, `${b}Input`, `${b}Patch`]);
    const fields = new Namespace();
    const fieldOf = new Map(t.columns.map((c) => [c.name, fields.claim(camelName(c.name))]));
    const f = (c: string): string => fieldOf.get(c)!;
    const key = t.primaryKey.map(f);
    const nonNullIndexed = t.indexed.filter((c) => !t.columns.find((col) => col.name === c)!.nullable);
    const orders = new Namespace();
    const orderBy = nonNullIndexed.flatMap((c) => [[orders.claim(`${enumValueName(f(c))}_ASC`), f(c), false] as const, [orders.claim(`${enumValueName(f(c))}_DESC`), f(c), true] as const]);
    const keyed = key.length > 0;
    const createFields = keyed ? t.columns.filter((c) => !c.serverOwned).map((c) => f(c.name)) : [];
    const patchFields = keyed ? t.columns.filter((c) => !c.serverOwned && !t.primaryKey.includes(c.name)).map((c) => f(c.name)) : [];
    const plural = lowerFirst(n.plural);
    const singular = lowerFirst(n.singular);
    const root: { -readonly [K in keyof TableMeta['root']]: TableMeta['root'][K] } = { list: query.claim(plural, `all${type}s`) };
    if (keyed) {
      root.byKey = query.claim(singular, `${singular}ByKey`);
      root.create = mutation.claim(`create${type}`);
      if (patchFields.length > 0) root.update = mutation.claim(`update${type}`);
      root.delete = mutation.claim(`delete${type}`);
    }
    const meta = {
      type,
      table: [t.schema, t.name] as const,
      columns: t.columns.map((c) => [f(c.name), c.name] as const),
      json: t.columns.filter(ColumnTypes.isJson).map((c) => f(c.name)),
      key,
      filters: t.indexed.map(f),
      orderBy,
      createFields,
      patchFields,
      root,
      patchArg: new Namespace(key).claim('patch', 'set', 'changes'),
    };
    return { t, type, fieldOf, fields, meta, relations: [] };
  });
  const byTable = new Map(planned.map((p) => [`${p.t.schema}.${p.t.name}`, p]));
  const relations: RelationMeta[] = [];
  for (const child of planned) {
    for (const fk of child.t.foreignKeys) {
      const parent = byTable.get(`${fk.references.schema}.${fk.references.table}`);
      if (!parent || fk.references.columns.some((c) => !parent.fieldOf.has(c))) continue;
      const from = fk.columns.map((c) => child.fieldOf.get(c)!);
      const to = fk.references.columns.map((c) => parent.fieldOf.get(c)!);
      const by = `By${fk.columns.map((c) => pascalName(c, 'Key')).join('And')}`;
      const single = fk.columns.length === 1 && /[_a-z]id$/i.test(fk.columns[0]!) ? camelName(fk.columns[0]!.replace(/_?id$/i, ''), '') : '';
      const oneName = child.fields.claim(...[single, lowerFirst(parent.type)].filter((s) => s !== '' && s !== '_'), `${lowerFirst(parent.type)}${by}`);
      const many = lowerFirst(names.get(child.t)!.plural);
      const manyName = parent.fields.claim(many, `${many}${by}`);
      const one: RelationMeta = { kind: 'one', type: child.type, field: oneName, target: parent.type, from, to };
      const back: RelationMeta = { kind: 'many', type: parent.type, field: manyName, target: child.type, from: to, to: from };
      relations.push(one, back);
      child.relations.push(one);
      parent.relations.push(back);
    }
  }
  const schema = printable(planned, columnTypes);
  const model: ServiceModel = {
    tables: planned.map((p) => p.meta),
    relations,
    enums: [...columnTypes.enums.values()].map((e) => [e.type.name, e.values] as const),
    scalars: [...columnTypes.scalars].sort(),
    defaultPageSize: DEFAULT_PAGE_SIZE,
    maxPageSize: MAX_PAGE_SIZE,
  };
  const reports = planned.map((p) => ({
    table: `${p.t.schema}.${p.t.name}`,
    type: p.type,
    queries: [p.meta.root.list, p.meta.root.byKey].filter((x): x is string => x !== undefined),
    mutations: [p.meta.root.create, p.meta.root.update, p.meta.root.delete].filter((x): x is string => x !== undefined),
    relations: p.relations.map((r) => (r.kind === 'one' ? `${r.field} → ${r.target}` : `${r.field} → [${r.target}]`)),
  }));
  return { schema, model, tables: reports };
}

/** The GraphQL schema of the plan, built with graphql-js' own types so every name and description prints safely. */
function printable(planned: readonly Planned[], columnTypes: ColumnTypes): GraphQLSchema {
  const pageInfo = new GraphQLObjectType({
    name: 'PageInfo',
    fields: {
      hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      startCursor: { type: GraphQLString },
      endCursor: { type: GraphQLString },
    },
  });
  const objects = new Map<string, GraphQLObjectType>();
  const connections = new Map<string, GraphQLObjectType>();
  const pageArgs = new Map<string, GraphQLFieldConfigArgumentMap>();
  const columnType = (c: ColumnModel): GraphQLInputType => columnTypes.of(c);
  for (const p of planned) {
    const column = (field: string): ColumnModel => p.t.columns.find((c) => p.fieldOf.get(c.name) === field)!;
    const object: GraphQLObjectType = new GraphQLObjectType({
      name: p.type,
      description: p.t.comment ?? `A row of ${p.t.schema}.${p.t.name}.`,
      fields: () => {
        const out: GraphQLFieldConfigMap<unknown, unknown> = {};
        for (const c of p.t.columns) {
          const type = columnTypes.of(c);
          out[p.fieldOf.get(c.name)!] = { type: c.nullable ? type : new GraphQLNonNull(type), ...(c.comment ? { description: c.comment } : {}) };
        }
        for (const r of p.relations) {
          out[r.field] = r.kind === 'one'
            ? { type: objects.get(r.target)! }
            : { type: new GraphQLNonNull(connections.get(r.target)!), args: pageArgs.get(r.target)! };
        }
        return out;
      },
    });
    objects.set(p.type, object);
    const edge = new GraphQLObjectType({ name: `${p.type}Edge`, fields: { cursor: { type: new GraphQLNonNull(GraphQLString) }, node: { type: new GraphQLNonNull(object) } } });
    connections.set(p.type, new GraphQLObjectType({
      name: `${p.type}Connection`,
      fields: {
        edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(edge))) },
        nodes: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(object))) },
        pageInfo: { type: new GraphQLNonNull(pageInfo) },
      },
    }));
    const args: GraphQLFieldConfigArgumentMap = {
      first: { type: GraphQLInt, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` },
      after: { type: GraphQLString, description: 'The endCursor of the previous page.' },
    };
    if (p.meta.filters.length > 0) {
      args['filter'] = {
        type: new GraphQLInputObjectType({
          name: `${p.type}Filter`,
          description: 'Rows whose fields equal these values (null: is null). Indexed columns only.',
          fields: Object.fromEntries(p.meta.filters.map((f) => [f, { type: columnType(column(f)) }])),
        }),
      };
    }
    if (p.meta.orderBy.length > 0) {
      args['orderBy'] = {
        type: new GraphQLEnumType({ name: `${p.type}OrderBy`, values: Object.fromEntries(p.meta.orderBy.map(([v]) => [v, { value: v }])) }),
        defaultValue: p.meta.orderBy[0]![0],
      };
    }
    pageArgs.set(p.type, args);
  }
  const queryFields: GraphQLFieldConfigMap<unknown, unknown> = {};
  const mutationFields: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const p of planned) {
    const object = objects.get(p.type)!;
    const { root } = p.meta;
    queryFields[root.list] = { type: new GraphQLNonNull(connections.get(p.type)!), args: pageArgs.get(p.type)!, description: `Rows of ${p.t.schema}.${p.t.name}, a page at a time.` };
    const keyArgs = Object.fromEntries(p.t.primaryKey.map((c) => [p.fieldOf.get(c)!, { type: new GraphQLNonNull(columnType(p.t.columns.find((col) => col.name === c)!)) }]));
    if (root.byKey) queryFields[root.byKey] = { type: object, args: keyArgs, description: 'The row with this key, or null.' };
    if (root.create) {
      const input = p.meta.createFields.length > 0
        ? new GraphQLInputObjectType({
            name: `${p.type}Input`,
            fields: Object.fromEntries(p.meta.createFields.map((f) => {
              const c = p.t.columns.find((col) => p.fieldOf.get(col.name) === f)!;
              return [f, { type: c.nullable || c.hasDefault ? columnType(c) : new GraphQLNonNull(columnType(c)) }];
            })),
          })
        : undefined;
      mutationFields[root.create] = { type: new GraphQLNonNull(object), ...(input ? { args: { input: { type: new GraphQLNonNull(input) } } } : {}) };
    }
    if (root.update) {
      const patch = new GraphQLInputObjectType({
        name: `${p.type}Patch`,
        description: 'The fields to change; absent fields keep their value.',
        fields: Object.fromEntries(p.meta.patchFields.map((f) => [f, { type: columnType(p.t.columns.find((col) => p.fieldOf.get(col.name) === f)!) }])),
      });
      mutationFields[root.update] = { type: new GraphQLNonNull(object), args: { ...keyArgs, [p.meta.patchArg]: { type: new GraphQLNonNull(patch) } }, description: 'NOT_FOUND when no row has this key.' };
    }
    if (root.delete) mutationFields[root.delete] = { type: new GraphQLNonNull(object), args: keyArgs, description: 'Returns the deleted row; NOT_FOUND when no row has this key.' };
  }
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: queryFields }),
    ...(Object.keys(mutationFields).length > 0 ? { mutation: new GraphQLObjectType({ name: 'Mutation', fields: mutationFields }) } : {}),
  });
}
