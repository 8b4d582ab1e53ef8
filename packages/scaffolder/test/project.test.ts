import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restProject } from '../src/from-spec/project/rest-project.js';
import { graphqlProjectFiles } from '../src/graphql-service/graphql-project.js';
import { packageName, projectFiles } from '../src/project/project-files.js';
import { projectDependencies, VERSIONS } from '../src/project/versions.js';

const require = createRequire(import.meta.url);

/** The installed version of a dependency, read from its package.json next to its resolved entry. */
async function installed(name: string): Promise<string> {
  let dir = path.dirname(require.resolve(name.startsWith('@types/') ? `${name}/package.json` : name));
  for (;;) {
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8').catch(() => '{}')) as { name?: string; version?: string };
    if (pkg.name === name && pkg.version) return pkg.version;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json for ${name}`);
    dir = up;
  }
}

describe('project', () => {
  it('pins the exact versions the generated code is tested against here', async () => {
    for (const [name, version] of Object.entries(VERSIONS)) {
      if (name === '@types/node' || name === 'typescript') continue;
      expect({ name, version: await installed(name) }).toEqual({ name, version });
    }
  });

  it('depends on what each framework needs and nothing else', async () => {
    const deps = (files: readonly { path: string; content: string }[]): { dependencies: object; devDependencies: object } => JSON.parse(files.find((f) => f.path === 'package.json')!.content) as never;
    const rest = deps(projectFiles(await restProject({ framework: 'koa', name: 'shop', output: 'src/routes', spec: undefined })));
    expect(Object.keys(rest.dependencies)).toEqual(['@koa/router', 'ajv', 'ajv-formats', 'koa', 'koa-helmet']);
    expect(Object.keys(rest.devDependencies)).toEqual(['@types/koa', '@types/node', 'typescript']);
    const graphql = deps(await graphqlProjectFiles({ framework: 'fastify', output: path.join(import.meta.dirname, '.tmp', 'no-such-service') }));
    expect(Object.keys(graphql.dependencies)).toEqual(['@fastify/helmet', 'fastify', 'graphql', 'graphql-yoga']);
    expect(Object.keys(projectDependencies('fastify').devDependencies)).toEqual(['@types/node', 'typescript']);
  });

  it('writes the same scripts and compiler options for a REST API and a GraphQL service', async () => {
    const pick = (files: readonly { path: string; content: string }[], file: string): unknown => JSON.parse(files.find((f) => f.path === file)!.content);
    const rest = projectFiles(await restProject({ framework: 'express', name: 'shop', output: 'api', spec: 'openapi.yaml' }));
    const graphql = await graphqlProjectFiles({ framework: 'express', output: path.join(import.meta.dirname, '.tmp', 'no-such-service') });
    expect(rest.map((f) => f.path)).toEqual(['package.json', 'tsconfig.json', '.gitignore', 'README.md', 'src/server.ts', 'src/smoke.test.ts']);
    expect(graphql.map((f) => f.path)).toEqual(['package.json', 'tsconfig.json', '.gitignore', 'README.md', 'server.ts', 'smoke.test.ts']);
    expect((pick(rest, 'package.json') as { scripts: object }).scripts).toEqual({
      build: 'tsc -p tsconfig.json',
      start: 'NODE_ENV=production node dist/src/server.js',
      dev: 'tsc -p tsconfig.json && (tsc -p tsconfig.json --watch --preserveWatchOutput & node --watch dist/src/server.js)',
      typecheck: 'tsc -p tsconfig.json --noEmit',
      test: 'tsc -p tsconfig.json && node --test dist/src/smoke.test.js',
    });
    expect((pick(graphql, 'package.json') as { scripts: { start: string } }).scripts.start).toBe('NODE_ENV=production node dist/server.js');
    expect(pick(graphql, 'tsconfig.json')).toMatchObject({ compilerOptions: { strict: true, rootDir: '.' }, include: ['.'] });
    expect(pick(rest, 'tsconfig.json')).toMatchObject({ compilerOptions: { strict: true, rootDir: '.' }, include: ['src', 'api'] });
  });

  it('makes a package name npm accepts from any folder name', () => {
    expect(packageName('My API (v2)')).toBe('my-api-v2');
    expect(packageName('...')).toBe('api');
  });
});
