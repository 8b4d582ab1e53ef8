import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FRAMEWORKS, scaffold, specFromRoutes } from '../../src/index.js';
import { cleanup, freshDir } from '../support/generate.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../../../examples/openapi/', import.meta.url));
const dirs: string[] = [];
afterAll(() => cleanup(dirs));

type Doc = Record<string, unknown> & { paths: Record<string, Record<string, unknown>>; components?: { schemas?: Record<string, unknown> } };

/** What `sb spec` must give back for a 3.1 spec: all of it, with path-level parameters stated on each operation. */
function expected(input: Doc, unused: readonly string[]): Doc {
  const out = structuredClone(input);
  for (const item of Object.values(out.paths)) {
    const shared = (item['parameters'] as unknown[] | undefined) ?? [];
    delete item['parameters'];
    for (const op of Object.values(item) as Record<string, unknown>[]) if (shared.length) op['parameters'] = [...shared, ...((op['parameters'] as unknown[] | undefined) ?? [])];
  }
  for (const name of unused) delete out.components?.schemas?.[name];
  return out;
}

describe('spec → sb scaffold → sb spec, keyword for keyword', () => {
  for (const framework of FRAMEWORKS) {
    it(`gives back every keyword, tag, summary, security requirement, webhook and used component (${framework})`, { timeout: 120_000 }, async () => {
      const file = path.join(FIXTURES, 'keywords-3.1.yaml');
      const dir = await freshDir(`exact-${framework}`);
      dirs.push(dir);
      await scaffold({ spec: file, framework, output: dir });
      const back = await specFromRoutes({ input: dir });
      expect(back.document).toEqual(expected(parse(await readFile(file, 'utf8')) as Doc, ['Unused']));
      expect(back.routes.every((r) => r.inferredFrom.length === 1 && r.inferredFrom[0]!.startsWith('operation: ') && r.notInferred.length === 0)).toBe(true);
    });
  }

  it('gives back Petstore 3.1 unchanged', { timeout: 120_000 }, async () => {
    const file = path.join(EXAMPLES, 'petstore-3.1.yaml');
    const dir = await freshDir('exact-petstore');
    dirs.push(dir);
    await scaffold({ spec: file, framework: 'express', output: dir });
    const back = await specFromRoutes({ input: dir });
    expect(back.document).toEqual(expected(parse(await readFile(file, 'utf8')) as Doc, []));
  });

  it('says so and infers from the types when the contract beside the route table is damaged', { timeout: 120_000 }, async () => {
    const dir = await freshDir('exact-bad-contract');
    dirs.push(dir);
    await scaffold({ spec: path.join(FIXTURES, 'keywords-3.1.yaml'), framework: 'koa', output: dir });
    await writeFile(path.join(dir, 'openapi.gen.json'), '{"openapi": ');
    const back = await specFromRoutes({ input: dir, noCache: true });
    expect(back.warnings.filter((w) => w.code === 'contract-unreadable').map((w) => w.source)).toEqual([path.relative(process.cwd(), path.join(dir, 'openapi.gen.json'))]);
    expect(back.document.paths?.['/pets']?.get?.operationId).toBe('listPets');
  });

  it('infers from the types again when the contract beside the route table is gone', { timeout: 120_000 }, async () => {
    const dir = await freshDir('exact-no-contract');
    dirs.push(dir);
    await scaffold({ spec: path.join(FIXTURES, 'keywords-3.1.yaml'), framework: 'express', output: dir });
    await rm(path.join(dir, 'openapi.gen.json'));
    const back = await specFromRoutes({ input: dir });
    expect(back.routes.some((r) => r.inferredFrom.some((f) => f.startsWith('operation: ')))).toBe(false);
    expect(back.document.paths?.['/pets']?.get?.summary).toBeUndefined();
    expect(back.document.paths?.['/pets']?.get?.operationId).toBe('listPets');
  });
});
