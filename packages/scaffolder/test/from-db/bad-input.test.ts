import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigratorError } from '@sb/migrator';
import { ScaffoldError, scaffoldFromDb } from '../../src/index.js';
import { cleanup, freshDir } from '../support/generate.js';
import { freshDatabase } from './db-fixture.js';

let empty: { url: string; drop: () => Promise<void> };
const dirs: string[] = [];
beforeAll(async () => {
  empty = await freshDatabase('fromdb_empty');
});
afterAll(async () => {
  await cleanup(dirs);
  await empty?.drop();
});

describe('scaffoldFromDb: bad input', () => {
  it('names the target, never the password, when the server is unreachable', async () => {
    const err = await scaffoldFromDb({ connectionString: 'postgres://app:s3cret@127.0.0.1:1/shop', framework: 'express', output: await freshDir('fromdb-down') }).catch((e: unknown) => e);
    expect(MigratorError.is(err) && err.code).toBe('MIGRATOR_CONNECTION_FAILED');
    expect((err as Error).message).toContain('app@127.0.0.1:1/shop');
    expect((err as Error).message).not.toContain('s3cret');
  });

  it('refuses a database without tables and writes nothing', async () => {
    const dir = await freshDir('fromdb-empty');
    dirs.push(dir);
    const err = await scaffoldFromDb({ connectionString: empty.url, framework: 'koa', output: dir }).catch((e: unknown) => e);
    expect(ScaffoldError.is(err) && err.code).toBe('SCAFFOLD_DB_EMPTY');
    expect((err as Error).message).toMatch(/no tables in any user schema of postgres@127\.0\.0\.1:5432\/sb_fromdb_empty_/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(dir)).toBe(false);
  });

  it('rejects an unknown framework', async () => {
    const err = await scaffoldFromDb({ connectionString: empty.url, framework: 'hapi' as 'koa', output: 'x' }).catch((e: unknown) => e);
    expect(ScaffoldError.is(err) && err.code).toBe('SCAFFOLD_INVALID_OPTION');
  });
});
