import { execFile, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORKS, scaffoldFromDb } from '../../../src/index.js';
import { cleanup, freshDir } from '../../support/generate.js';
import { freshDatabase } from '../db-fixture.js';

const SCHEMA = fileURLToPath(new URL('../fixtures/schema.sql', import.meta.url));
const HOSTILE = fileURLToPath(new URL('../fixtures/hostile-graphql.sql', import.meta.url));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = promisify(execFile);
let db: { url: string; drop: () => Promise<void> };
let hostile: { url: string; drop: () => Promise<void> };
const dirs: string[] = [];

beforeAll(async () => {
  db = await freshDatabase('gqldb_project', SCHEMA);
  hostile = await freshDatabase('gqldb_project_hostile', HOSTILE);
});
afterAll(async () => {
  await cleanup(dirs);
  await db?.drop();
  await hostile?.drop();
});

describe('the database-first GraphQL service', () => {
  it('type-checks under tsc --strict for every framework, hostile names included', { timeout: 240_000 }, async () => {
    const root = await freshDir('gqldb-tsc');
    dirs.push(root);
    for (const framework of FRAMEWORKS) await scaffoldFromDb({ connectionString: db.url, api: 'graphql', framework, output: path.join(root, framework) });
    await scaffoldFromDb({ connectionString: hostile.url, api: 'graphql', framework: 'fastify', output: path.join(root, 'hostile') });
    const config = {
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true, noUncheckedIndexedAccess: true, types: ['node'] },
      include: ['**/*.ts'],
    };
    await writeFile(path.join(root, 'tsconfig.json'), JSON.stringify(config));
    const tsc = spawnSync(process.execPath, [TSC, '-p', path.join(root, 'tsconfig.json')], { encoding: 'utf8', timeout: 230_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('writes nothing when aborted, and rejects with SCAFFOLD_ABORTED', async () => {
    const dir = await freshDir('gqldb-abort');
    const controller = new AbortController();
    const phases: string[] = [];
    const run = scaffoldFromDb({ connectionString: db.url, api: 'graphql', framework: 'koa', output: dir }, {
      signal: controller.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (p.phase === 'emit') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'SCAFFOLD_ABORTED' });
    expect(phases).toContain('emit');
    expect(existsSync(dir)).toBe(false);
  });

  it('matches the golden files', async () => {
    const dir = await freshDir('gqldb-golden');
    dirs.push(dir);
    await scaffoldFromDb({ connectionString: db.url, api: 'graphql', framework: 'express', output: dir });
    for (const file of ['type-defs.gen.ts', 'model.gen.ts']) {
      await expect(await readFile(path.join(dir, file), 'utf8')).toMatchFileSnapshot(`../../golden/graphql-db/${file}.txt`);
    }
  });

  it('builds and serves /graphql from DATABASE_URL and PORT, limits on in production, and keeps your files on regeneration', { timeout: 180_000 }, async () => {
    const dir = await freshDir('gqldb-run');
    dirs.push(dir);
    const first = await scaffoldFromDb({ connectionString: db.url, api: 'graphql', framework: 'fastify', output: dir });
    expect(first.files.filter((f) => f.kind === 'user').map((f) => f.path)).toEqual(['db/connection.ts', 'limits.ts', 'context.ts', 'package.json', 'tsconfig.json', '.gitignore', 'README.md', 'server.ts', 'smoke.test.ts']);
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toEqual(['@fastify/helmet', 'dataloader', 'fastify', 'graphql', 'graphql-yoga', 'kysely', 'pg']);
    await writeFile(path.join(dir, 'limits.ts'), (await readFile(path.join(dir, 'limits.ts'), 'utf8')).replace('maxDepth: 8', 'maxDepth: 6'));
    const again = await scaffoldFromDb({ connectionString: db.url, api: 'graphql', framework: 'fastify', output: dir });
    expect(again.files.filter((f) => f.kind === 'user')).toEqual([]);
    expect(again.files.every((f) => f.status === 'unchanged')).toBe(true);

    await run(process.execPath, [TSC, '-p', path.join(dir, 'tsconfig.json')], { timeout: 170_000 });
    const smoke = await run(process.execPath, ['--test', '--test-reporter=tap', path.join(dir, 'dist', 'smoke.test.js')]);
    expect(smoke.stdout).toMatch(/# pass 1\n# fail 0/);
    const child = spawn(process.execPath, [path.join(dir, 'dist', 'server.js')], { env: { ...process.env, DATABASE_URL: db.url, PORT: '0', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          const m = /GraphQL on (\S+)/.exec(d.toString());
          if (m?.[1]) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
      });
      const post = async (query: string): Promise<{ data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] }> => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        return (await res.json()) as never;
      };
      expect((await post('mutation { createTag(input: { name: "built" }) { name } }')).data).toEqual({ createTag: { name: 'built' } });
      expect((await post('{ tags(first: 1) { nodes { name petTags { nodes { tag } } } } }')).data).toEqual({ tags: { nodes: [{ name: 'built', petTags: { nodes: [] } }] } });
      const deep = await post('{ pets { nodes { owner { pets { nodes { owner { pets { nodes { id } } } } } } } } }');
      expect(deep.errors?.[0]?.message).toBe('operation is nested deeper than 6 levels');
      expect((await post('{ owners(first: 100) { nodes { pets(first: 100) { nodes { id } } } } }')).errors?.[0]?.message).toMatch(/^operation costs more than 5000/);
      // 50 × 5 × 5 rows, two fields each: cost 4650 (a connection's nodes/edges add no cost of their own).
      expect((await post('{ owners(first: 50) { nodes { id name pets(first: 5) { nodes { id name petTags(first: 5) { nodes { petId tag } } } } } } }')).errors).toBeUndefined();
      expect((await post('{ __schema { types { name } } }')).errors?.[0]?.message).toMatch(/introspection/i);
      expect((await post('{ tag { name } }')).errors?.[0]?.message).not.toMatch(/Did you mean/);
      expect((await fetch(`${url}?query=%7Btags%7Bnodes%7Bname%7D%7D%7D`)).status).toBe(405);
    } finally {
      child.kill();
    }
  });
});
