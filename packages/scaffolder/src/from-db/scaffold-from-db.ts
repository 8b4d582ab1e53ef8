import type { RunControl } from '@sb/errors';
import { checkAborted } from '../abort.js';
import { ScaffoldError } from '../errors.js';
import { FRAMEWORKS } from '../options.js';
import { scaffoldWith } from '../from-spec/scaffold.js';
import { serializeSpec } from '../from-routes/document/serialize.js';
import { databaseFile } from './emit/database-file.js';
import { readTemplate } from '../templates/read-template.js';
import { handlerBodies } from './emit/handler-bodies.js';
import { implementedHandlerFile } from './emit/handler-file.js';
import { resourceNames } from './model/resource-names.js';
import { buildModel } from './model/table-model.js';
import type { ScaffoldDbGraphqlResult, ScaffoldFromDbOptions, ScaffoldFromDbResult, TableReport } from '../from-db-options.js';
import { readSchema } from './read/read-schema.js';
import { buildSpec } from './spec/build-spec.js';

/**
 * PostgreSQL schema → CRUD API: introspects the tables (with `@sb/migrator`), describes them as OpenAPI 3.1,
 * generates everything `scaffold()` generates from that spec for the framework, then implements the handlers
 * it just created with kysely (typed `Database` interface in `db/database.gen.ts`): list with limit/offset and
 * keyset cursor pagination, equality filters on indexed columns, a sort allow-list; get, create, partial
 * update and delete by primary key; PostgreSQL errors mapped to 400/404/409/422 without SQL text. Handler
 * files that already existed are left alone. Tables without a primary key get a read-only list route.
 *
 * With `api: 'graphql'`, a GraphQL service instead: a type per table with relations both ways from foreign keys
 * (many-to-one fields, one-to-many connections), Relay cursor connections with `first`/`after`, equality filters
 * on indexed columns, an `orderBy` enum, create/update/delete mutations without server-owned columns, errors
 * with the codes `NOT_FOUND`, `CONFLICT` and `BAD_USER_INPUT`; relations load through per-request DataLoaders
 * (one SQL statement per nesting level); served by GraphQL Yoga with the limits of `limits.ts`, in a project
 * that runs (`DATABASE_URL=… PORT=3000 npm start` serves `/graphql`).
 *
 * `control.onProgress` gets `introspect` (from the migrator), then `scaffold()`'s stages; aborting
 * `control.signal` rejects with `SCAFFOLD_ABORTED` at the next catalog query or stage, and nothing is written.
 *
 * @example
 * ```ts
 * const r = await scaffoldFromDb({ connectionString: process.env.DATABASE_URL!, framework: 'express', output: 'src' });
 * console.log(r.tables.map((t) => `${t.path}: ${t.operations.join(', ')}`));
 *
 * const g = await scaffoldFromDb({ connectionString: process.env.DATABASE_URL!, api: 'graphql', framework: 'fastify', output: 'service' });
 * console.log(g.tables.map((t) => `${t.type}: ${t.queries.join(', ')}`));
 * ```
 */
export function scaffoldFromDb(options: ScaffoldFromDbOptions & { readonly api: 'graphql' }, control?: RunControl): Promise<ScaffoldDbGraphqlResult>;
export function scaffoldFromDb(options: ScaffoldFromDbOptions & { readonly api?: 'rest' }, control?: RunControl): Promise<ScaffoldFromDbResult>;
export function scaffoldFromDb(options: ScaffoldFromDbOptions, control?: RunControl): Promise<ScaffoldFromDbResult | ScaffoldDbGraphqlResult>;
export async function scaffoldFromDb(options: ScaffoldFromDbOptions, control: RunControl = {}): Promise<ScaffoldFromDbResult | ScaffoldDbGraphqlResult> {
  if (!FRAMEWORKS.includes(options.framework)) {
    throw new ScaffoldError('SCAFFOLD_INVALID_OPTION', `framework: expected one of ${FRAMEWORKS.join(', ')}, got ${String(options.framework)}`);
  }
  if (options.api !== undefined && options.api !== 'rest' && options.api !== 'graphql') {
    throw new ScaffoldError('SCAFFOLD_INVALID_OPTION', `api: expected rest or graphql, got ${String(options.api)}`);
  }
  if (options.api === 'graphql') {
    const { scaffoldGraphqlFromDb } = await import('./graphql/scaffold-graphql-from-db.js');
    return scaffoldGraphqlFromDb(options, control);
  }
  return scaffoldRestFromDb(options, control);
}

async function scaffoldRestFromDb(options: ScaffoldFromDbOptions, control: RunControl): Promise<ScaffoldFromDbResult> {
  const { snapshot, target, database } = await readSchema(options.connectionString, options.schemas ? { schemas: options.schemas } : {}, control);
  checkAborted(control.signal, 'scaffold');
  const { tables, warnings } = buildModel(snapshot, { writableTimestamps: options.writableTimestamps === true });
  if (tables.length === 0) {
    const where = options.schemas?.length ? `schema(s) ${options.schemas.join(', ')}` : 'any user schema';
    throw new ScaffoldError('SCAFFOLD_DB_EMPTY', `no tables in ${where} of ${target}: nothing to generate`);
  }
  const names = resourceNames(tables);
  const spec = buildSpec(options.title ?? database, tables, names, options.auth ?? 'writes');
  const implementations = new Map<string, { table: string; bodies: Map<string, string> }>();
  for (const t of tables) {
    const bodies = handlerBodies(t, names.get(t)!);
    for (const id of bodies.keys()) implementations.set(id, { table: `${t.schema}.${t.name}`, bodies });
  }
  const own = [
    { path: 'openapi.yaml', content: serializeSpec(spec, 'yaml'), kind: 'generated' as const },
    { path: 'db/database.gen.ts', content: databaseFile(tables, names), kind: 'generated' as const },
    { path: 'db/crud.gen.ts', content: await readTemplate('db/crud.gen.ts'), kind: 'generated' as const },
    { path: 'db/connection.ts', content: await readTemplate('db/connection.ts'), kind: 'user' as const },
  ];
  const result = await scaffoldWith(
    {
      spec: spec as unknown as Record<string, unknown>,
      framework: options.framework,
      output: options.output,
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      ...(options.project !== undefined ? { project: options.project } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
    },
    {
      handlerFile: (_group, ops) => {
        const hit = ops.map((op) => (op.operationId === undefined ? undefined : implementations.get(op.operationId))).find((x) => x !== undefined);
        return hit ? implementedHandlerFile(ops, hit.table, hit.bodies) : undefined;
      },
      files: own,
      dependencies: ['kysely', 'pg', '@types/pg'],
    },
    control,
  );
  const created = new Set(result.files.filter((f) => f.kind === 'user' && f.status === 'created').map((f) => f.path));
  const reports: TableReport[] = [];
  for (const t of tables) {
    const n = names.get(t)!;
    const bodies = handlerBodies(t, n);
    const refs = [...result.handlers.created, ...result.handlers.existing].filter((h) => h.operationId !== undefined && bodies.has(h.operationId));
    const file = refs[0]?.file;
    const implemented = file !== undefined && created.has(file);
    if (file && !implemented) {
      warnings.push({ code: 'handler-file-kept', message: `${file} already existed: left as is (new operations got stubs, not implementations)`, table: `${t.schema}.${t.name}` });
    }
    reports.push({ table: `${t.schema}.${t.name}`, path: n.path, operations: [...bodies.keys()], readOnly: t.primaryKey.length === 0, handlerFile: file, implemented });
  }
  const mine = new Set([...own.map((f) => f.path), ...reports.filter((r) => r.implemented).map((r) => r.handlerFile!)]);
  const files = options.dryRun ? [] : result.files.filter((f) => mine.has(f.path)).map((f) => f.path);
  return { api: 'rest', spec, tables: reports, scaffold: result, files, warnings: warnings.map(({ code, message, table }) => ({ code, message, table })) };
}
