import type { GraphQLResolveInfo, GraphQLScalarType } from 'graphql';
import { sql } from 'kysely';
import { toConnection, type Connection } from './connection.gen.js';
import { dbError, mapDbError, notFound } from './db-errors.gen.js';
import { keyString, type RequestLoaders } from './loaders.gen.js';
import { SCALARS } from './scalars.gen.js';
import { requestedFields } from './selection.gen.js';
import type { RelationMeta, ServiceModel } from './service-model.gen.js';
import { pageSql, planPage, TableSql, type PageArgs, type PagePlan, type Row } from './sql.gen.js';

/** What the resolvers need from the request context. */
export interface DbContext {
  readonly loaders: RequestLoaders;
}
type Resolver = (source: Row, args: Row, context: DbContext, info: GraphQLResolveInfo) => unknown;
/** The resolver map: type → field → resolver (or enum values, or a scalar). Every level has no prototype. */
export type ResolverMap = Record<string, Record<string, unknown> | GraphQLScalarType>;

const record = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** Builds the resolvers of every table, relation, enum and scalar of the model. */
export function buildResolvers(model: ServiceModel): ResolverMap {
  const tables = new Map(model.tables.map((t) => [t.type, new TableSql(t)]));
  // What the service reads of every row besides what clients ask: the key and the columns of relations.
  const always = new Map(model.tables.map((t) => [t.type, [...t.key]]));
  for (const r of model.relations) always.get(r.type)!.push(...r.from);
  const select = (t: TableSql, info: GraphQLResolveInfo, connection: boolean, plan?: PagePlan): ReadonlySet<string> =>
    t.fieldsFor(requestedFields(info, connection), [...always.get(t.meta.type)!, ...(plan?.fields ?? [])]);
  const map = record<Record<string, unknown> | GraphQLScalarType>();
  const fields = (type: string): Record<string, unknown> => (map[type] ??= record<unknown>()) as Record<string, unknown>;
  for (const t of tables.values()) {
    const root = t.meta.root;
    fields('Query')[root.list] = (async (_s, args, ctx, info) => {
      const plan = planPage(t.meta, args, model);
      const rows = await run(() => pageSql(t, plan, args['filter'] as Row | null | undefined, [], 't', select(t, info, true, plan)).execute(ctx.loaders.db));
      return toConnection(plan, rows);
    }) satisfies Resolver;
    if (root.byKey) fields('Query')[root.byKey] = ((_s, args, ctx, info) => loadOne(ctx, t, t.meta.key, t.meta.key.map((f) => args[f]), select(t, info, false))) satisfies Resolver;
    if (root.create) fields('Mutation')[root.create] = ((_s, args, ctx) => create(ctx, t, (args['input'] as Row | undefined) ?? {})) satisfies Resolver;
    if (root.update) fields('Mutation')[root.update] = ((_s, args, ctx) => update(ctx, t, args, args[t.meta.patchArg] as Row)) satisfies Resolver;
    if (root.delete) fields('Mutation')[root.delete] = ((_s, args, ctx) => remove(ctx, t, args)) satisfies Resolver;
  }
  model.relations.forEach((rel, index) => {
    const target = tables.get(rel.target)!;
    if (rel.kind === 'one') {
      fields(rel.type)[rel.field] = ((row, _a, ctx, info) => {
        const values = rel.from.map((f) => row[f]);
        return values.some((v) => v === null || v === undefined) ? null : loadOne(ctx, target, rel.to, values, select(target, info, false));
      }) satisfies Resolver;
    } else {
      const parent = tables.get(rel.type)!;
      fields(rel.type)[rel.field] = ((row, args, ctx, info) => {
        const plan = planPage(target.meta, args, model);
        return loadMany(ctx, parent, target, rel, index, row, args, plan, select(target, info, true, plan));
      }) satisfies Resolver;
    }
  });
  for (const [name, values] of model.enums) {
    const internal = record<string>();
    for (const [value, label] of values) internal[value] = label;
    map[name] = internal;
  }
  for (const name of model.scalars) {
    const scalar = SCALARS.get(name);
    if (scalar) map[name] = scalar;
  }
  return map;
}

async function run<T>(query: () => Promise<{ rows: T[] }>): Promise<T[]> {
  try {
    return (await query()).rows;
  } catch (err) {
    return mapDbError(err);
  }
}

/** The row of `t` whose `fields` equal `values`, or null; batched with every other lookup of the same level. */
function loadOne(ctx: DbContext, t: TableSql, fields: readonly string[], values: readonly unknown[], columns: ReadonlySet<string>): Promise<Row | null> {
  const loader = ctx.loaders.get<Row | null>(`one:${t.meta.type}:${fields.join(',')}:${[...columns].join(',')}`, async (keys) => {
    const keyColumns = fields.map((f, i) => sql`${t.col('t', f)} as ${sql.id(`__k${i}`)}`);
    const rows = await run(() => sql<Row>`select ${t.selection('t', columns)}, ${sql.join(keyColumns)} from ${t.from('t')} where ${t.keyIn('t', fields, keys)}`.execute(ctx.loaders.db));
    const found = new Map(rows.map((r) => [keyString(takeKey(r, fields.length)), r]));
    return keys.map((k) => found.get(keyString(k)) ?? null);
  });
  return loader.load(values);
}

/** A page of the rows of `child` that reference `row`; one statement (a lateral join) for every parent of the level. */
function loadMany(ctx: DbContext, parent: TableSql, child: TableSql, rel: RelationMeta, index: number, row: Row, args: PageArgs, plan: PagePlan, columns: ReadonlySet<string>): Promise<Connection> {
  const values = rel.from.map((f) => row[f]);
  if (values.some((v) => v === null || v === undefined)) return Promise.resolve(toConnection(plan, []));
  const loader = ctx.loaders.get<Connection>(`many:${index}:${JSON.stringify(args)}:${[...columns].join(',')}`, async (keys) => {
    const join = rel.to.map((f, i) => sql`${child.col('t', f)} = ${parent.col('p', rel.from[i]!)}`);
    const inner = pageSql(child, plan, args.filter, join, 't', columns);
    const keyColumns = rel.from.map((f, i) => sql`${parent.col('p', f)} as ${sql.id(`__k${i}`)}`);
    const rows = await run(() =>
      sql<Row>`select ${sql.join(keyColumns)}, ${sql.id('c')}.* from ${parent.from('p')} cross join lateral (${inner}) as ${sql.id('c')} where ${parent.keyIn('p', rel.from, keys)}`.execute(ctx.loaders.db),
    );
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const key = keyString(takeKey(r, rel.from.length));
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    return keys.map((k) => toConnection(plan, groups.get(keyString(k)) ?? []));
  });
  return loader.load(values);
}

/**
 * The values of a row's `__k<i>` columns. They stay on the row (GraphQL never reads them: no field starts with
 * `__`); deleting them would turn every row into a slow dictionary object.
 */
function takeKey(row: Row, length: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) out.push(row[`__k${i}`]);
  return out;
}

function present(input: Row, allowed: readonly string[]): string[] {
  return allowed.filter((f) => Object.hasOwn(input, f) && input[f] !== undefined);
}

async function create(ctx: DbContext, t: TableSql, input: Row): Promise<Row> {
  const given = present(input, t.meta.createFields);
  const columns = sql.join(given.map((f) => sql.id(t.column(f))));
  const values = sql.join(given.map((f) => sql`${t.bind(f, input[f])}`));
  const body = given.length === 0 ? sql`default values` : sql`(${columns}) values (${values})`;
  const rows = await run(() => sql<Row>`insert into ${t.from('t')} ${body} returning ${t.selection('t')}`.execute(ctx.loaders.db));
  ctx.loaders.forget();
  return rows[0]!;
}

async function update(ctx: DbContext, t: TableSql, key: Row, patch: Row): Promise<Row> {
  const given = present(patch, t.meta.patchFields);
  if (given.length === 0) throw dbError('BAD_USER_INPUT', 'patch sets no field');
  const set = sql.join(given.map((f) => sql`${sql.id(t.column(f))} = ${t.bind(f, patch[f])}`));
  const rows = await run(() => sql<Row>`update ${t.from('t')} set ${set} where ${t.keyIs('t', key)} returning ${t.selection('t')}`.execute(ctx.loaders.db));
  ctx.loaders.forget();
  if (!rows[0]) throw notFound(t.meta.type);
  return rows[0];
}

async function remove(ctx: DbContext, t: TableSql, key: Row): Promise<Row> {
  const rows = await run(() => sql<Row>`delete from ${t.from('t')} where ${t.keyIs('t', key)} returning ${t.selection('t')}`.execute(ctx.loaders.db));
  ctx.loaders.forget();
  if (!rows[0]) throw notFound(t.meta.type);
  return rows[0];
}
