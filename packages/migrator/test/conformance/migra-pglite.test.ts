import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPglite } from '../../src/shadow/pglite.js';
import { migraFixtures } from '../helpers/databases.js';
import { CASES } from './cases.js';
import { resetDatabase, runConvergence } from './harness.js';

const dir = migraFixtures();

describe('migra conformance on PGlite (PostgreSQL 18 in WebAssembly)', () => {
  let a: PGlite;
  let b: PGlite;
  beforeAll(async () => {
    const extensions = ['pg_trgm', 'hstore', 'citext'];
    a = (await startPglite({ extensions })).db;
    b = (await startPglite({ extensions })).db;
    for (const db of [a, b]) await db.exec(`create role schemainspect_test_role`);
  }, 240_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const exec = async (db: unknown, sql: string) => {
    await (db as PGlite).exec(sql);
  };

  const entries = Object.entries(CASES);
  for (const [name] of entries.filter(([, e]) => !e.downKeeps && !e.pgliteSkip)) {
    it(`${name}: up converges to b, down restores a`, async () => {
      await resetDatabase(a);
      await resetDatabase(b);
      const result = await runConvergence(dir, name, a, b, exec);
      expect(result.up.length).toBeGreaterThan(0);
      expect(result.afterUp).toEqual([]);
      expect(result.afterDown).toEqual([]);
    });
  }
  for (const [name, e] of entries.filter(([, x]) => x.pgliteSkip)) {
    it(`${name}: skipped because ${e.pgliteSkip!.reason} (asserted)`, async () => {
      await resetDatabase(a);
      await resetDatabase(b);
      const error = await runConvergence(dir, name, a, b, exec).catch((x: unknown) => x as Error);
      expect((error as Error).message).toMatch(e.pgliteSkip!.error);
    });
  }
  for (const [name, { downKeeps }] of entries.filter(([, x]) => x.downKeeps && !x.pgliteSkip)) {
    it(`${name}: up converges to b; down restores a but for one thing it says: ${downKeeps!.reason}`, async () => {
      await resetDatabase(a);
      await resetDatabase(b);
      const result = await runConvergence(dir, name, a, b, exec);
      expect(result.afterUp).toEqual([]);
      expect(result.afterDown).toEqual([expect.stringMatching(downKeeps!.comment)]);
    });
  }
});
