import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { scaffoldGraphql } from '../../src/index.js';

const run = promisify(execFile);
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'library.graphql');
const TMP = path.join(import.meta.dirname, '..', '.tmp', `graphql-${process.pid}`);
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
mkdirSync(TMP, { recursive: true });
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('scaffoldGraphql', () => {
  it('writes resolver types, stubs and wiring that compile under tsc --strict for express, fastify and koa', async () => {
    for (const framework of ['express', 'fastify', 'koa'] as const) {
      const output = path.join(TMP, framework);
      const result = await scaffoldGraphql({ schema: FIXTURE, framework, output });
      expect(result.resolvers.created.map((r) => `${r.type}.${r.field}`)).toEqual(['Author.books', 'Mutation.addBook', 'Mutation.deleteBook', 'Query.hello', 'Query.book', 'Query.books', 'Query.search']);
      await expect(run(process.execPath, [TSC, '-p', path.join(output, 'tsconfig.json'), '--noEmit'])).resolves.toBeDefined();
    }
  }, 180_000);

  it('matches the golden files', async () => {
    const output = path.join(TMP, 'golden');
    await scaffoldGraphql({ schema: FIXTURE, framework: 'express', output });
    await expect(readFileSync(path.join(output, 'types.gen.ts'), 'utf8')).toMatchFileSnapshot('golden/types.gen.ts.snap');
    await expect(readFileSync(path.join(output, 'resolvers.gen.ts'), 'utf8')).toMatchFileSnapshot('golden/resolvers.gen.ts.snap');
    await expect(readFileSync(path.join(output, 'resolvers/Query/book.ts'), 'utf8')).toMatchFileSnapshot('golden/book.ts.snap');
  });

  it('never rewrites a stub: new fields get stubs, vanished ones are reported as orphans', async () => {
    const output = path.join(TMP, 'regen');
    await scaffoldGraphql({ schema: FIXTURE, framework: 'koa', output });
    const mine = "import type { QueryResolvers } from '../../types.gen.js';\n\nexport const resolve: QueryResolvers['hello'] = () => 'mine';\n";
    writeFileSync(path.join(output, 'resolvers/Query/hello.ts'), mine);
    writeFileSync(path.join(output, 'limits.ts'), `${readFileSync(path.join(output, 'limits.ts'), 'utf8')}// tuned\n`);
    const changed = path.join(TMP, 'changed.graphql');
    writeFileSync(changed, readFileSync(FIXTURE, 'utf8').replace('deleteBook(id: ID!): Boolean!', 'archiveBook(id: ID!): Boolean!'));
    const again = await scaffoldGraphql({ schema: changed, framework: 'koa', output });
    expect(again.resolvers.created).toEqual([{ type: 'Mutation', field: 'archiveBook', file: 'resolvers/Mutation/archiveBook.ts' }]);
    expect(again.resolvers.orphans).toEqual(['resolvers/Mutation/deleteBook.ts']);
    expect(readFileSync(path.join(output, 'resolvers/Query/hello.ts'), 'utf8')).toBe(mine);
    expect(readFileSync(path.join(output, 'limits.ts'), 'utf8')).toMatch(/\/\/ tuned\n$/);
    expect(again.files.filter((f) => f.kind === 'user').map((f) => f.path)).toEqual(['resolvers/Mutation/archiveBook.ts']);
  });

  it('makes the service folder a project once, and --no-project writes only the service code', async () => {
    const output = path.join(TMP, 'project');
    const first = await scaffoldGraphql({ schema: FIXTURE, framework: 'fastify', output });
    expect(first.files.filter((f) => !f.path.startsWith('resolvers/') && f.kind === 'user').map((f) => f.path)).toEqual(['limits.ts', 'context.ts', 'package.json', 'tsconfig.json', '.gitignore', 'README.md', 'server.ts', 'smoke.test.ts']);
    writeFileSync(path.join(output, 'README.md'), 'mine\n');
    rmSync(path.join(output, 'package.json'));
    const again = await scaffoldGraphql({ schema: FIXTURE, framework: 'fastify', output });
    expect(again.files.filter((f) => f.kind === 'user').map((f) => f.path)).toEqual(['package.json']);
    expect(readFileSync(path.join(output, 'README.md'), 'utf8')).toBe('mine\n');
    const bare = path.join(TMP, 'no-project');
    const none = await scaffoldGraphql({ schema: FIXTURE, framework: 'fastify', output: bare, project: false });
    expect(none.files.map((f) => f.path).filter((f) => !f.startsWith('resolvers/')).sort()).toEqual(['context.ts', 'limits.ts', 'mount.gen.ts', 'protection.gen.ts', 'resolvers.gen.ts', 'type-defs.gen.ts', 'types.gen.ts', 'yoga.gen.ts']);
  });

  it('names the file and line of an invalid schema and writes nothing', async () => {
    const bad = path.join(TMP, 'bad.graphql');
    writeFileSync(bad, 'type Query {\n  ok: String\n  broken: Nope\n}\n');
    const output = path.join(TMP, 'bad-out');
    await expect(scaffoldGraphql({ schema: bad, framework: 'express', output })).rejects.toMatchObject({ code: 'SCAFFOLD_SDL_INVALID', message: expect.stringMatching(/Unknown type "Nope"/) });
    const syntax = path.join(TMP, 'syntax.graphql');
    writeFileSync(syntax, 'type Query {\n  ok: String\n  broken(: Int\n}\n');
    await expect(scaffoldGraphql({ schema: syntax, framework: 'express', output })).rejects.toMatchObject({ code: 'SCAFFOLD_SDL_INVALID', message: expect.stringContaining(`${syntax}:3:`) });
  });

  it('serves /graphql from the built project with the limits on in production', async () => {
    const output = path.join(TMP, 'express');
    writeFileSync(path.join(output, 'resolvers/Query/hello.ts'), "import type { QueryResolvers } from '../../types.gen.js';\n\nexport const resolve: QueryResolvers['hello'] = () => 'hi';\n");
    await run(process.execPath, [TSC, '-p', path.join(output, 'tsconfig.json')]);
    const smoke = await run(process.execPath, ['--test', '--test-reporter=tap', path.join(output, 'dist', 'smoke.test.js')]);
    expect(smoke.stdout).toMatch(/# pass 1\n# fail 0/);
    const child = spawn(process.execPath, [path.join(output, 'dist', 'server.js')], { env: { ...process.env, PORT: '0', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          const m = /GraphQL on (\S+)/.exec(d.toString());
          if (m?.[1]) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
      });
      const post = async (query: string): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }> => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        return { status: res.status, body: (await res.json()) as never };
      };
      expect((await post('{ hello }')).body).toEqual({ data: { hello: 'hi' } });
      expect((await post('{ book(id: "1") { id } }')).body.errors?.[0]?.extensions?.code).toBe('NOT_IMPLEMENTED');
      const deep = await post('{ books { author { books { author { books { author { books { author { books { id } } } } } } } } } }');
      expect(deep.body.errors?.[0]?.message).toBe('operation is nested deeper than 8 levels');
      const costly = await post('{ books(first: 100) { author { books(first: 100) { id } } } }');
      expect(costly.body.errors?.[0]?.message).toMatch(/^operation costs more than 5000/);
      expect((await post('{ __schema { types { name } } }')).body.errors?.[0]?.message).toMatch(/introspection/i);
      expect((await post('{ helo }')).body.errors?.[0]?.message).not.toMatch(/Did you mean/);
      expect((await fetch(`${url}?query=%7Bhello%7D`)).status).toBe(405);
      expect((await post(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: hello`).join(' ')} }`)).body.errors?.[0]?.message).toBe('operation has more than 15 aliases');
      expect((await post(`{ hello ${'@skip(if: false) '.repeat(11)}}`)).body.errors?.[0]?.message).toBe('operation has more than 10 directives');
      expect((await post(`{ ${'hello '.repeat(301)}}`)).body.errors?.[0]?.message).toBe('operation selects more than 300 fields');
      const cors = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{"query":"{ hello }"}' });
      expect(cors.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      child.kill();
    }
  }, 120_000);
});
