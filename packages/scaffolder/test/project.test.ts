import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageName } from '../src/from-spec/project/project-files.js';
import { projectDependencies, VERSIONS } from '../src/from-spec/project/versions.js';

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

  it('depends on what each framework needs and nothing else', () => {
    expect(Object.keys(projectDependencies('koa').dependencies)).toEqual(['@koa/router', 'ajv', 'ajv-formats', 'koa', 'koa-helmet']);
    expect(Object.keys(projectDependencies('fastify').devDependencies)).toEqual(['@types/node', 'typescript']);
  });

  it('makes a package name npm accepts from any folder name', () => {
    expect(packageName('My API (v2)')).toBe('my-api-v2');
    expect(packageName('...')).toBe('api');
  });
});
