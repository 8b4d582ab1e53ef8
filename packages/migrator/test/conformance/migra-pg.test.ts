import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, ensureRoles, migraFixtures } from '../helpers/databases.js';
import { CASES } from './cases.js';
import { resetDatabase, runConvergence } from './harness.js';

const dir = migraFixtures();

describe('migra conformance on PostgreSQL 15', () => {
  let a: Awaited<ReturnType<typeof createDatabase>>;
  let b: Awaited<ReturnType<typeof createDatabase>>;
  beforeAll(async () => {
    a = await createDatabase('sb_conf_a');
    b = await createDatabase('sb_conf_b');
    await ensureRoles(a.client, ['schemainspect_test_role']);
  });
  afterAll(async () => {
    await a?.drop();
    await b?.drop();
  });

  it('covers every fixture folder', () => {
    expect(readdirSync(dir).filter((d) => !d.includes('.')).sort()).toEqual(Object.keys(CASES).sort());
  });

  const exec = async (db: { query: (sql: string) => Promise<unknown> }, sql: string) => {
    await db.query(sql);
  };

  const entries = Object.entries(CASES);
  for (const [name] of entries.filter(([, e]) => !e.downKeeps)) {
    it(`${name}: up converges to b, down restores a`, async () => {
      await resetDatabase(a.client);
      await resetDatabase(b.client);
      const result = await runConvergence(dir, name, a.client, b.client, exec);
      expect(result.up.length).toBeGreaterThan(0);
      expect(result.afterUp).toEqual([]);
      expect(result.afterDown).toEqual([]);
    });
  }
  for (const [name, { downKeeps }] of entries.filter(([, e]) => e.downKeeps)) {
    it(`${name}: up converges to b; down restores a but for one thing it says: ${downKeeps!.reason}`, async () => {
      await resetDatabase(a.client);
      await resetDatabase(b.client);
      const result = await runConvergence(dir, name, a.client, b.client, exec);
      expect(result.afterUp).toEqual([]);
      expect(result.down.map((op) => op.sql)).toContainEqual(expect.stringMatching(downKeeps!.comment));
      expect(result.afterDown).toEqual([expect.stringMatching(downKeeps!.comment)]);
    });
  }
});
