import { createTestDatabase, type TestDatabase } from '@sb/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, connect, introspect, MigratorError, type Progress } from '../src/index.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('run_control', 'create table t (id int primary key, name text);');
});
afterAll(async () => {
  await db?.drop();
});

/** A control that aborts (synchronously) at the first event of `phase`, and the events it saw. */
function abortAt(phase: string): { seen: Progress[]; control: { signal: AbortSignal; onProgress: (p: Progress) => void } } {
  const controller = new AbortController();
  const seen: Progress[] = [];
  return { seen, control: { signal: controller.signal, onProgress: (p) => (seen.push(p), p.phase === phase && controller.abort()) } };
}

async function rejection(run: Promise<unknown>): Promise<MigratorError> {
  const err = await run.then(() => undefined, (e: unknown) => e);
  if (!MigratorError.is(err)) throw new Error(`expected a MigratorError, got ${String(err)}`);
  return err;
}

describe('one call shape: fn(options, { signal, onProgress })', () => {
  it('introspect reports each catalog query and stops before the next one with MIGRATOR_ABORTED', async () => {
    const client = await connect({ connectionString: db.url });
    try {
      const all: Progress[] = [];
      await introspect(client, {}, { onProgress: (p) => all.push(p) });
      expect(all.length).toBeGreaterThan(5);
      expect(new Set(all.map((p) => p.phase))).toEqual(new Set(['introspect']));
      const { seen, control } = abortAt('introspect');
      const err = await rejection(introspect(client, {}, control));
      expect(err.code).toBe('MIGRATOR_ABORTED');
      expect(seen).toHaveLength(1);
      // The connection is still usable and the search_path was restored.
      const { rows } = await client.query<{ path: string }>(`select current_setting('search_path') as path`);
      expect(rows[0]?.path).not.toBe('');
    } finally {
      await client.end();
    }
  });

  it('analyze counts its checks as done/total and stops with MIGRATOR_ABORTED', async () => {
    const { seen, control } = abortAt('check');
    const err = await rejection(analyze({ connectionString: db.url }, control));
    expect(err.code).toBe('MIGRATOR_ABORTED');
    const checks = seen.filter((p) => p.phase === 'check');
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ done: 0, total: expect.any(Number) });
  });
});
