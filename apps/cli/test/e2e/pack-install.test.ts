import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createTempDir, type TempDir } from '@sb/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../../..');
/** Every published package: the libraries, the error base and OpenAPI loader they share, and the CLI. */
const PUBLISHED = ['packages/errors', 'packages/openapi', 'packages/loadtest', 'packages/migrator', 'packages/scaffolder', 'packages/security-rules', 'apps/cli'];
const LIBRARIES: Record<string, string> = {
  '@sb/errors': 'SbError',
  '@sb/openapi': 'loadSpec',
  '@sb/loadtest': 'runLoadTest',
  '@sb/migrator': 'diffSchemas',
  '@sb/scaffolder': 'scaffold',
  '@sb/security-rules': 'scan',
};

let packs: TempDir;
let app: TempDir;

beforeAll(async () => {
  packs = await createTempDir('packs');
  app = await createTempDir('installed');
  for (const dir of PUBLISHED) {
    await run('pnpm', ['pack', '--pack-destination', packs.dir], { cwd: join(ROOT, dir) });
  }
  const tarballs = (await readdir(packs.dir)).filter((f) => f.endsWith('.tgz')).map((f) => join(packs.dir, f));
  await writeFile(join(app.dir, 'package.json'), JSON.stringify({ name: 'sb-user', private: true, type: 'module' }));
  // One npm install of every tarball: npm resolves the packages' ranges on each other to the local tarballs.
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: app.dir, maxBuffer: 64 << 20 });
});

afterAll(async () => {
  await packs?.remove();
  await app?.remove();
});

describe('the packed packages', () => {
  it('each tarball carries its LICENSE, README and repository fields, and no workspace: ranges', async () => {
    for (const dir of PUBLISHED) {
      const pkg = JSON.parse(await readFile(join(app.dir, 'node_modules', JSON.parse(await readFile(join(ROOT, dir, 'package.json'), 'utf8')).name, 'package.json'), 'utf8'));
      const installed = join(app.dir, 'node_modules', pkg.name);
      const files = await readdir(installed);
      expect({ name: pkg.name, files }).toEqual({ name: pkg.name, files: expect.arrayContaining(['LICENSE', 'README.md', 'package.json']) });
      expect({ name: pkg.name, license: pkg.license }).toEqual({ name: pkg.name, license: 'MIT' });
      expect({ name: pkg.name, repository: pkg.repository?.url, bugs: pkg.bugs?.url }).toEqual({
        name: pkg.name,
        repository: expect.stringMatching(/^git\+https:/),
        bugs: expect.stringMatching(/^https:/),
      });
      expect({ name: pkg.name, deps: JSON.stringify(pkg.dependencies ?? {}) }).not.toEqual({ name: pkg.name, deps: expect.stringContaining('workspace:') });
    }
  });

  it('install into an empty folder with npm; each library imports and exposes its entry point', async () => {
    const script = Object.entries(LIBRARIES)
      .map(([name, fn]) => `{ const m = await import(${JSON.stringify(name)}); if (typeof m[${JSON.stringify(fn)}] !== 'function') throw new Error(${JSON.stringify(`${name} lacks ${fn}`)}); }`)
      .join('\n');
    await writeFile(join(app.dir, 'check.mjs'), `${script}\nconsole.log('imported ${Object.keys(LIBRARIES).length}');\n`);
    const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: app.dir });
    expect(stdout.trim()).toBe(`imported ${Object.keys(LIBRARIES).length}`);
  });

  it('the installed sb scaffolds REST and GraphQL from the templates in the tarball, which ships no template checks', async () => {
    const sb = join(app.dir, 'node_modules', '.bin', 'sb');
    const env = { ...process.env, INIT_CWD: '' };
    const rest = join(app.dir, 'rest');
    await run(sb, ['scaffold', join(ROOT, 'examples/openapi/petstore-3.0.yaml'), '-f', 'koa', '-o', rest, '--json'], { cwd: app.dir, env });
    const shipped = join(ROOT, 'packages/scaffolder/templates');
    expect(await readFile(join(rest, 'runtime.gen.ts'), 'utf8')).toContain(await readFile(join(shipped, 'rest/runtime.gen.ts'), 'utf8'));
    expect(await readFile(join(rest, 'routes.gen.ts'), 'utf8')).toMatch(/router\.register\(path, \[method\]/);
    const graphql = join(app.dir, 'graphql');
    await run(sb, ['scaffold', join(ROOT, 'packages/scaffolder/test/from-sdl/fixtures/library.graphql'), '-f', 'fastify', '-o', graphql, '--json'], { cwd: app.dir, env });
    expect(await readdir(graphql)).toEqual(expect.arrayContaining(['mount.gen.ts', 'server.ts', 'smoke.test.ts', 'package.json']));
    const inTarball = await readdir(join(app.dir, 'node_modules', '@sb', 'scaffolder', 'templates'), { recursive: true });
    expect(inTarball).toEqual(expect.arrayContaining(['rest/koa/routes.gen.ts', 'graphql/fastify/server.ts', 'db/crud.gen.ts']));
    expect(inTarball.filter((f) => /(^|\/)(check|tsconfig\.json|\.oxlintrc\.json)/.test(f))).toEqual([]);
  });

  it('the installed sb binary answers --help with every topic', async () => {
    const { stdout } = await run(join(app.dir, 'node_modules', '.bin', 'sb'), ['--help'], { cwd: app.dir });
    for (const topic of ['scaffold', 'spec', 'load', 'db', 'security']) expect(stdout).toContain(topic);
  });
});
