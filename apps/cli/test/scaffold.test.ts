import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userCwd } from '../src/options/cwd.js';
import { toFromDbOptions, toScaffoldOptions } from '../src/options/scaffold.js';
import { runCli } from './helpers/run-cli.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/openapi/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../packages/scaffolder/test/fixtures/', import.meta.url));
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sb-scaffold-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('sb scaffold', () => {
  it('maps flags to library options', () => {
    expect(toScaffoldOptions('a.yaml', { framework: 'koa', output: 'out', 'dry-run': true }, '/w')).toEqual({ spec: 'a.yaml', framework: 'koa', output: 'out', cwd: '/w', project: true, dryRun: true, noCache: false });
    expect(toScaffoldOptions('a.yaml', { framework: 'express', output: 'out', 'no-cache': true, project: false }, '/w')).toMatchObject({ dryRun: false, noCache: true, project: false });
    expect(toFromDbOptions({ framework: 'koa', output: 'o', 'from-db': 'postgres://x/y', schema: ['a'] }, '/w')).toEqual({ connectionString: 'postgres://x/y', api: 'rest', framework: 'koa', output: 'o', cwd: '/w', project: true, dryRun: false, schemas: ['a'], auth: 'writes' });
    expect(toFromDbOptions({ framework: 'fastify', output: 'o', 'from-db': 'postgres://x/y', api: 'graphql' }, '/w')).toMatchObject({ api: 'graphql', framework: 'fastify' });
  });

  it("resolves paths against INIT_CWD when pnpm ran the bin from an enclosing folder, and ignores a stale one", () => {
    expect(userCwd({ INIT_CWD: '/repo/services/api' }, '/repo')).toBe('/repo/services/api');
    expect(userCwd({ INIT_CWD: '/elsewhere' }, '/repo')).toBe('/repo');
    expect(userCwd({}, '/repo')).toBe('/repo');
  });

  it('makes a fresh folder a project once, never overwrites it, and --no-project writes only routes', async () => {
    const home = path.join(dir, 'fresh');
    await mkdir(path.join(home, 'specs'), { recursive: true });
    await copyFile(path.join(EXAMPLES, 'petstore-3.0.yaml'), path.join(home, 'specs', 'petstore.yaml'));
    const ok = await runCli(['scaffold', 'specs/petstore.yaml', '-f', 'fastify', '-o', 'src/routes/'], { cwd: home, env: { INIT_CWD: '' } });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('project: package.json, tsconfig.json, .gitignore, README.md, src/server.ts, src/smoke.test.ts');
    const pkg = JSON.parse(await readFile(path.join(home, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(pkg['type']).toBe('module');
    expect(Object.keys(pkg['scripts']!).sort()).toEqual(['build', 'dev', 'start', 'test', 'typecheck']);
    expect(pkg['dependencies']).toMatchObject({ fastify: expect.stringMatching(/^\d+\.\d+\.\d+$/), ajv: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(await readFile(path.join(home, 'src/server.ts'), 'utf8')).toContain("from './routes/app.gen.js'");
    await expect(stat(path.join(home, 'src/routes/server.ts'))).rejects.toThrow(/ENOENT/);
    expect(await readFile(path.join(home, 'README.md'), 'utf8')).toContain('sb scaffold specs/petstore.yaml --framework fastify --output src/routes/');
    await writeFile(path.join(home, 'README.md'), 'mine\n');
    const again = await runCli(['scaffold', 'specs/petstore.yaml', '-f', 'fastify', '-o', 'src/routes/', '--json'], { cwd: home, env: { INIT_CWD: '' } });
    expect(again.code).toBe(0);
    expect(await readFile(path.join(home, 'README.md'), 'utf8')).toBe('mine\n');
    const bare = path.join(dir, 'bare');
    await mkdir(bare);
    const no = await runCli(['scaffold', path.join(EXAMPLES, 'petstore-3.0.yaml'), '-f', 'koa', '-o', 'routes', '--no-project'], { cwd: bare, env: { INIT_CWD: '' } });
    expect(no.code).toBe(0);
    await expect(stat(path.join(bare, 'package.json'))).rejects.toThrow(/ENOENT/);
    expect((await stat(path.join(bare, 'routes', 'server.ts'))).isFile()).toBe(true);
  }, 240_000); // three sb runs, each a process that loads the scaffolder

  it('resolves a relative spec against INIT_CWD, as under pnpm sb', async () => {
    const home = path.join(dir, 'init-cwd');
    await mkdir(path.join(home, 'sub'), { recursive: true });
    await copyFile(path.join(EXAMPLES, 'petstore-3.0.yaml'), path.join(home, 'sub', 'api.yaml'));
    const r = await runCli(['scaffold', 'api.yaml', '-f', 'express', '-o', 'out', '--no-project', '--json'], { cwd: home, env: { INIT_CWD: path.join(home, 'sub') } });
    expect(r.code).toBe(0);
    expect((await stat(path.join(home, 'sub', 'out', 'app.gen.ts'))).isFile()).toBe(true);
  });

  it('generates routes, validators, types and handlers and says what to implement', async () => {
    const out = path.join(dir, 'routes');
    const r = await runCli(['scaffold', path.join(EXAMPLES, 'petstore-3.0.yaml'), '--framework', 'express', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Generated 3 route handlers, validation middleware, and TypeScript types \(.*routes\/…\) for express from OpenAPI 3\.0/);
    expect(r.stdout).toContain('handlers/pets.ts  listPets  GET /pets');
    expect(await readFile(path.join(out, 'routes.gen.ts'), 'utf8')).toContain('["get", "/pets/:p0", T.showPetById, ["petId"]],');
    const again = await runCli(['scaffold', path.join(EXAMPLES, 'petstore-3.0.yaml'), '-f', 'express', '-o', out, '--json']);
    const json = JSON.parse(again.stdout) as { files: { status: string }[]; handlers: { existing: unknown[] } };
    expect(json.files.every((f) => f.status === 'unchanged')).toBe(true);
    expect(json.handlers.existing).toHaveLength(3);
  });

  it('exits 2 listing every problem of an invalid spec, and writes nothing', async () => {
    const out = path.join(dir, 'invalid');
    const r = await runCli(['scaffold', path.join(FIXTURES, 'invalid.yaml'), '-f', 'fastify', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error [SCAFFOLD_INVALID_SPEC]: the spec has 8 problems');
    expect(r.stderr).toMatch(/invalid\.yaml:17:7 #\/paths\/~1pets\/get\/operationId: duplicate operationId/);
    expect(r.stderr).not.toContain('    at ');
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });

  it('exits 2 naming the conversion for Swagger 2.0, with --json', async () => {
    const r = await runCli(['scaffold', path.join(FIXTURES, 'swagger2.json'), '-f', 'koa', '-o', path.join(dir, 'x'), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'SCAFFOLD_SWAGGER2' } });
  });
});
