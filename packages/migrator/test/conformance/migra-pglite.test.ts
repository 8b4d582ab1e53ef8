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

  for (const [name, expectation] of Object.entries(CASES)) {
    const skip = expectation.pgliteSkip ?? expectation.downFails;
    it(`${name}: up converges to b, down restores a${skip ? ` (skipped part: ${skip.reason})` : ''}`, async () => {
      await resetDatabase(a);
      await resetDatabase(b);
      if (skip) {
        const error = await runConvergence(dir, name, a, b, exec).catch((e: unknown) => e as Error);
        expect((error as Error).message).toMatch(skip.error);
        return;
      }
      const result = await runConvergence(dir, name, a, b, exec);
      expect(result.up.length).toBeGreaterThan(0);
      expect(result.afterUp).toEqual([]);
      expect(result.afterDown).toEqual([]);
    });
  }
});
