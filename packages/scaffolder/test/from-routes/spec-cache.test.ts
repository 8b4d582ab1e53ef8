import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { specFromRoutes } from '../../src/index.js';
import { cleanup, freshDir } from '../support/generate.js';

const dirs: string[] = [];
afterAll(() => cleanup(dirs));

const routes = `import { Router, type Request, type Response } from 'express';
import type { Pet } from '../model/pet.js';
export const router = Router();
router.get('/pets/:id', getPet);
async function getPet(req: Request<{ id: string }>, res: Response<Pet>) { res.json({ id: 1, name: 'x' } as Pet); }
`;

describe('the sb spec cache', () => {
  it('reuses the last result while no file read changed, and infers again when an imported file changes', { timeout: 120_000 }, async () => {
    const dir = await freshDir('spec-cache');
    dirs.push(dir);
    await mkdir(path.join(dir, 'routes'), { recursive: true });
    await mkdir(path.join(dir, 'model'), { recursive: true });
    await writeFile(path.join(dir, 'routes', 'pets.ts'), routes);
    await writeFile(path.join(dir, 'model', 'pet.ts'), 'export interface Pet { id: number; name: string }\n');
    const input = path.join(dir, 'routes');
    const first = await specFromRoutes({ input });
    expect(first.cached).toBeUndefined();
    const second = await specFromRoutes({ input });
    expect(second.cached).toBe(true);
    expect(second.document).toEqual(first.document);
    expect(second.routes).toEqual(first.routes);
    // model/pet.ts is not an input, but routes/pets.ts imports it: its change must be seen.
    await writeFile(path.join(dir, 'model', 'pet.ts'), 'export interface Pet { id: number; name: string; tag?: string }\n');
    const third = await specFromRoutes({ input });
    expect(third.cached).toBeUndefined();
    expect(Object.keys((third.document.components?.schemas?.['Pet'] as { properties: object }).properties)).toEqual(['id', 'name', 'tag']);
    expect((await specFromRoutes({ input, noCache: true })).cached).toBeUndefined();
  });
});
