import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGraphqlSchema } from '../src/commands/scaffold.js';
import { runCli } from './helpers/run-cli.js';

const SDL = fileURLToPath(new URL('../../../packages/scaffolder/test/from-sdl/fixtures/library.graphql', import.meta.url));
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sb-scaffold-gql-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('sb scaffold schema.graphql', () => {
  it('tells a GraphQL schema from an OpenAPI file', () => {
    expect(isGraphqlSchema('schema.graphql')).toBe(true);
    expect(isGraphqlSchema('api/schema.GQL')).toBe(true);
    expect(isGraphqlSchema('openapi.yaml')).toBe(false);
    expect(isGraphqlSchema(path.dirname(SDL))).toBe(true);
  });

  it('writes a schema-first service, then only appends stubs and reports orphans', async () => {
    const out = path.join(dir, 'service');
    const first = await runCli(['scaffold', SDL, '--framework', 'koa', '--output', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^sb scaffold \(GraphQL, koa\) wrote 21 file\(s\) in .*service: 8 types, 7 resolvers$/m);
    expect(first.stdout).toContain('  created   yours      resolvers/Query/book.ts');
    expect(await readFile(path.join(out, 'mount.gen.ts'), 'utf8')).toContain('export function mountGraphql(app: Koa): void');
    const changed = path.join(dir, 'changed.graphql');
    await writeFile(changed, (await readFile(SDL, 'utf8')).replace('deleteBook(id: ID!): Boolean!', 'archiveBook(id: ID!): Boolean!'));
    const again = await runCli(['scaffold', changed, '-f', 'koa', '-o', out, '--json']);
    expect(again.code).toBe(0);
    const result = JSON.parse(again.stdout) as { resolvers: { created: { field: string }[]; orphans: string[] } };
    expect(result.resolvers.created.map((r) => r.field)).toEqual(['archiveBook']);
    expect(result.resolvers.orphans).toEqual(['resolvers/Mutation/deleteBook.ts']);
  });

  it('exits 2 with the file and line of an invalid schema', async () => {
    const bad = path.join(dir, 'bad.graphql');
    await writeFile(bad, 'type Query {\n  ok: String\n  broken(: Int\n}\n');
    const r = await runCli(['scaffold', bad, '--framework', 'express', '--output', path.join(dir, 'bad-out')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(new RegExp(`^error \\[SCAFFOLD_SDL_INVALID\\]: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: Syntax Error`));
  });
});
