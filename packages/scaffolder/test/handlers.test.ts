import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { scaffold } from '../src/index.js';
import { cleanup, EXAMPLES, freshDir } from './support/generate.js';
import { typecheck } from './support/typecheck.js';

const dirs: string[] = [];
afterAll(() => cleanup(dirs));

interface Doc extends Record<string, unknown> {
  paths: Record<string, Record<string, unknown>>;
}

async function petstore(): Promise<Doc> {
  return parse(await readFile(path.join(EXAMPLES, 'petstore-3.0.yaml'), 'utf8')) as Doc;
}

const IMPLEMENTED = `
/** Mine: a hand-written helper the generator must keep. */
export function clamp(n: number): number {
  return Math.min(n, 100);
}

export async function listPets(input: Op.ListPetsInput): Promise<Op.ListPetsResult> {
  return { status: 200, body: [{ id: clamp(input.query.limit ?? 1), name: 'rex' }] };
}
`;

describe('regenerating after the spec changed', () => {
  it('keeps user code, adds stubs for new operations and reports vanished ones', { timeout: 120_000 }, async () => {
    const output = await freshDir('regen');
    dirs.push(output);
    const spec = await petstore();
    await scaffold({ spec, framework: 'express', output });
    const file = path.join(output, 'handlers/pets.ts');
    const original = await readFile(file, 'utf8');
    // The user implements listPets by hand (replacing the stub) and edits auth.ts.
    const start = original.indexOf('/**\n * GET /pets —');
    const end = original.indexOf('/**\n * POST /pets');
    const edited = original.slice(0, start) + IMPLEMENTED.trimStart() + '\n' + original.slice(end);
    await writeFile(file, edited);
    await writeFile(path.join(output, 'auth.ts'), "import type { AuthenticateHook } from './runtime.gen.js';\nexport const authenticate: AuthenticateHook = () => 'me';\n");

    const item = spec.paths['/pets/{petId}']!;
    delete item['get'];
    item['delete'] = { operationId: 'deletePet', tags: ['pets'], parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '204': { description: 'gone' } } };
    spec.paths['/stores'] = { get: { operationId: 'listStores', tags: ['stores'], responses: { '200': { description: 'ok' } } } };
    const again = await scaffold({ spec, framework: 'express', output });

    const after = await readFile(file, 'utf8');
    expect(after.startsWith(edited)).toBe(true);
    expect(after).toContain('export async function deletePet(input: Op.DeletePetInput');
    expect(again.handlers.created.map((h) => h.exportName).sort()).toEqual(['deletePet', 'listStores']);
    expect(again.handlers.existing.map((h) => h.exportName).sort()).toEqual(['createPets', 'listPets']);
    expect(again.handlers.orphaned).toEqual(expect.arrayContaining([{ exportName: 'showPetById', file: 'handlers/pets.ts' }, { exportName: 'clamp', file: 'handlers/pets.ts' }]));
    expect(again.files.find((f) => f.path === 'auth.ts')).toBeUndefined();
    expect(await readFile(path.join(output, 'auth.ts'), 'utf8')).toContain("() => 'me'");
    expect(again.files.find((f) => f.path === 'handlers/stores.ts')?.status).toBe('created');
    expect(typecheck(output)).toEqual([]);

    const third = await scaffold({ spec, framework: 'express', output });
    expect(third.files.every((f) => f.status === 'unchanged')).toBe(true);
    expect(third.handlers.created).toEqual([]);
  });

  it('writes nothing with dryRun, but reports what it would do', async () => {
    const output = await freshDir('dry');
    dirs.push(output);
    const r = await scaffold({ spec: path.join(EXAMPLES, 'petstore-3.1.yaml'), framework: 'koa', output, dryRun: true });
    expect(r.files.every((f) => f.status === 'created')).toBe(true);
    expect(r.handlers.created).toHaveLength(3);
    await expect(readFile(path.join(output, 'app.gen.ts'))).rejects.toThrow(/ENOENT/);
  });
});
