import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORKS, scaffoldFromDb, specFromRoutes } from '../../src/index.js';
import { normalizeSpec } from '../from-routes/normalize-spec.js';
import { cleanup, freshDir } from '../support/generate.js';
import { freshDatabase } from './db-fixture.js';

const SCHEMA = fileURLToPath(new URL('./fixtures/schema.sql', import.meta.url));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let db: { url: string; drop: () => Promise<void> };
const dirs: string[] = [];
beforeAll(async () => {
  db = await freshDatabase('fromdb_tsc', SCHEMA);
});
afterAll(async () => {
  await cleanup(dirs);
  await db?.drop();
});

describe('scaffoldFromDb output', () => {
  it('type-checks under tsc --strict for every framework', { timeout: 180_000 }, async () => {
    const root = await freshDir('fromdb-tsc');
    dirs.push(root);
    for (const framework of FRAMEWORKS) await scaffoldFromDb({ connectionString: db.url, framework, output: path.join(root, framework) });
    const config = {
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true, noUncheckedIndexedAccess: true, types: ['node'] },
      include: ['**/*.ts'],
    };
    await writeFile(path.join(root, 'tsconfig.json'), JSON.stringify(config));
    const tsc = spawnSync(process.execPath, [TSC, '-p', path.join(root, 'tsconfig.json')], { encoding: 'utf8', timeout: 170_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('reads back, with sb spec, the API it generated (database → spec → code → spec)', { timeout: 120_000 }, async () => {
    const dir = await freshDir('fromdb-spec');
    dirs.push(dir);
    const generated = await scaffoldFromDb({ connectionString: db.url, framework: 'koa', output: dir });
    const back = await specFromRoutes({ input: dir });
    expect(await normalizeSpec(back.document)).toEqual(await normalizeSpec(generated.spec));
  });

  it('keeps a handler file the user changed when regenerating, and reports it', async () => {
    const dir = await freshDir('fromdb-regen');
    dirs.push(dir);
    await scaffoldFromDb({ connectionString: db.url, framework: 'express', output: dir });
    const file = path.join(dir, 'handlers/pets.ts');
    const mine = (await readFile(file, 'utf8')).replace('void ctx;', '// my change\n  void ctx;');
    await writeFile(file, mine);
    const again = await scaffoldFromDb({ connectionString: db.url, framework: 'express', output: dir });
    expect(await readFile(file, 'utf8')).toBe(mine);
    expect(again.tables.find((t) => t.table === 'public.pets')?.implemented).toBe(false);
    expect(again.warnings.map((w) => w.code)).toContain('handler-file-kept');
    expect(again.files).not.toContain('handlers/pets.ts');
    expect(again.files).not.toContain('db/connection.ts');
  });
});
