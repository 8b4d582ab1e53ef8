import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffoldFromDb, type ScaffoldDbGraphqlResult } from '../../../src/index.js';
import { cleanup, freshDir } from '../../support/generate.js';
import { freshDatabase } from '../db-fixture.js';
import { serveGraphql, type GraphqlService } from './serve-graphql.js';

const SCHEMA = fileURLToPath(new URL('../fixtures/hostile-graphql.sql', import.meta.url));
let db: { url: string; drop: () => Promise<void> };
let dir: string;
let result: ScaffoldDbGraphqlResult;
let api: GraphqlService;

beforeAll(async () => {
  db = await freshDatabase('gqldb_hostile', SCHEMA);
  process.env['DATABASE_URL'] = db.url;
  dir = await freshDir('gqldb-hostile');
  result = await scaffoldFromDb({ connectionString: db.url, api: 'graphql', framework: 'koa', output: dir });
  api = await serveGraphql(dir, 'koa');
}, 90_000);
afterAll(async () => {
  await api?.close();
  await cleanup([dir]);
  await db?.drop();
});

describe('scaffoldFromDb({ api: "graphql" }) with hostile names', () => {
  it('makes valid, unique GraphQL names: sanitised, reserved names avoided, numbered deterministically', () => {
    const schema = buildSchema(result.sdl);
    expect(result.tables.map((t) => [t.table, t.type])).toEqual([
      ['public.1st', 'T1st'],
      ['public.Query', 'Query2'],
      ['public.we"ird */ `${x}` table', 'WeIrdXTable'],
      ['public.日本', 'Table'],
    ]);
    const weird = schema.getType('WeIrdXTable') as unknown as { getFields(): Record<string, unknown> };
    expect(Object.keys(weird.getFields())).toEqual(['id', 'naMe', 'constructor', 'proto', 'typename', 'backSlash', 'naVe', '_2fa', 'query', 'queryByWeIrdId']);
    expect(Object.keys((schema.getType('Query2') as unknown as { getFields(): object }).getFields())).toEqual(['id', 'weIrdId', 'schema', 'weIrd']);
    expect(result.sdl).toMatch(/enum MoodX \{\n {2}TRUE_\n {2}IN_PROGRESS\n {2}IN_PROGRESS2\n {2}N_CODE\n\}/);
    expect(result.sdl).toContain('ends */ here \\""" `${process.exit(1)}` \\');
  });

  it('keeps every name and comment inert in the generated TypeScript', async () => {
    const model = await readFile(path.join(dir, 'model.gen.ts'), 'utf8');
    expect(model).toContain('"we\\"ird */ `${x}` table"');
    expect(model).toContain('"back\\\\slash"');
    const typeDefs = (await import(`${dir}/type-defs.gen.ts`)) as { typeDefs: string };
    expect(typeDefs.typeDefs).toBe(result.sdl);
  });

  it('serves the tables: create, lookup, list, relations and enums by their labels', async () => {
    const created = await api.post('mutation { createWeIrdXTable(input: { naMe: "a", constructor: "c", proto: 1, typename: "t", backSlash: "\\\\", naVe: 2, _2fa: true, query: IN_PROGRESS2 }) { id naMe constructor proto typename backSlash naVe _2fa query } }');
    expect(created.errors).toBeUndefined();
    expect(created.data).toEqual({ createWeIrdXTable: { id: 1, naMe: 'a', constructor: 'c', proto: 1, typename: 't', backSlash: '\\', naVe: 2, _2fa: true, query: 'IN_PROGRESS2' } });
    expect((await api.post('mutation { createWeIrdXTable(input: { naMe: "a" }) { id } }')).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await api.post('mutation { createQuery2(input: { id: 7, weIrdId: 1, schema: "s" }) { id weIrd { naMe } } }')).data).toEqual({ createQuery2: { id: 7, weIrd: { naMe: 'a' } } });
    const back = await api.post('{ weIrdXTableByKey(id: 1) { queryByWeIrdId { nodes { id schema } } } weIrdXTable(filter: { naMe: "a" }, orderBy: NA_ME_DESC) { nodes { id } } }');
    expect(back.data).toEqual({ weIrdXTableByKey: { queryByWeIrdId: { nodes: [{ id: 7, schema: 's' }] } }, weIrdXTable: { nodes: [{ id: 1 }] } });
    expect((await api.post('mutation { createT1st(input: { m: TRUE_ }) { id m } }')).data).toEqual({ createT1st: { id: 1, m: 'TRUE_' } });
  });
});
