import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORKS, type Framework } from '../src/index.js';
import { cleanup, EXAMPLES, generate } from './support/generate.js';
import { typecheck } from './support/typecheck.js';

const SPECS = ['petstore-3.0.yaml', 'petstore-3.1.yaml', 'bookshop/openapi.yaml'];
/** Files that differ per framework; the others are framework-independent and kept once per spec. */
const PER_FRAMEWORK = new Set(['routes.gen.ts', 'app.gen.ts', 'server.ts']);

const trees = new Map<string, string>();
const dirs: string[] = [];

beforeAll(async () => {
  for (const spec of SPECS) {
    for (const fw of FRAMEWORKS) {
      const { dir } = await generate(path.join(EXAMPLES, spec), fw, 'golden');
      trees.set(`${spec}:${fw}`, dir);
      dirs.push(dir);
    }
  }
});
afterAll(() => cleanup(dirs));

function goldenName(spec: string): string {
  return spec.replace(/\/openapi\.yaml$/, '').replace(/\.ya?ml$/, '');
}

describe.each(SPECS)('the tree generated from %s', (spec) => {
  it.each(FRAMEWORKS)('matches the golden files for %s', async (fw: Framework) => {
    const dir = trees.get(`${spec}:${fw}`)!;
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(dir, { recursive: true, encoding: 'utf8' })).filter((f) => f.endsWith('.ts') || f.endsWith('.js') || f === 'openapi.gen.json').sort();
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      const shared = !PER_FRAMEWORK.has(file);
      if (shared && fw !== 'express') continue;
      const golden = path.join('golden', goldenName(spec), shared ? 'shared' : fw, `${file}.txt`);
      await expect(await readFile(path.join(dir, file), 'utf8')).toMatchFileSnapshot(golden);
    }
  });
});

describe('the generated trees', () => {
  it('type-check under tsc --strict with zero errors (every spec × framework)', { timeout: 120_000 }, () => {
    const diagnostics = typecheck([...trees.values()]);
    expect(diagnostics).toEqual([]);
  });
});
