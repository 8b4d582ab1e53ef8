import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffSchemas, diffSnapshots, introspect, migrate, writeMigration, type MigrationPlan } from '../../src/index.js';
import { resetDatabase } from '../conformance/harness.js';
import type { createDatabase } from '../helpers/databases.js';

type Db = Awaited<ReturnType<typeof createDatabase>>;

/** What one round trip through real files did. */
export interface RoundTrip {
  plan: MigrationPlan;
  /** The written files' text, in order. */
  files: string[];
  /** Statements still needed after `sb db migrate` (must be empty). */
  afterUp: string[];
  /** Statements still needed after migrating every file down (must be empty). */
  afterDown: string[];
}

/**
 * The way a user works: load `aSql` into `a` and `bSql` into `b`, diff, write the migration files, apply
 * them with `migrate` (each file in its own transaction unless transaction:false), re-diff (must be
 * empty), migrate every file down, re-diff against the original (must be empty).
 */
export async function roundTrip(a: Db, b: Db, aSql: string, bSql: string): Promise<RoundTrip> {
  await resetDatabase(a.client);
  await resetDatabase(b.client);
  await a.client.query(aSql);
  await b.client.query(bSql);
  const original = await introspect(a.client);
  const target = await introspect(b.client);
  const plan = await diffSchemas({ from: { snapshot: original }, to: { snapshot: target } });
  const dir = await mkdtemp(join(tmpdir(), 'sb-round-trip-'));
  try {
    const written = await writeMigration(plan, { directory: dir, allowDestructive: true });
    const files = await Promise.all(written.files.map((f) => readFile(f, 'utf8')));
    const up = await migrate({ path: dir, connectionString: a.url });
    if (up.failure) throw new Error(`up failed at ${up.failure.location}: ${up.failure.error.message}\n${files.join('\n')}`);
    const afterUp = diffSnapshots(await introspect(a.client), target).operations.map((op) => op.sql);
    const n = (await readdir(dir)).length;
    const down = n > 0 ? await migrate({ path: dir, connectionString: a.url, down: n }) : undefined;
    if (down?.failure) throw new Error(`down failed at ${down.failure.location}: ${down.failure.error.message}\n${files.join('\n')}`);
    const afterDown = diffSnapshots(await introspect(a.client), original).operations.map((op) => op.sql);
    return { plan, files, afterUp, afterDown };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
