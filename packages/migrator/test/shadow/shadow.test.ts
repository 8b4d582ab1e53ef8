import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSnapshots, introspect, loadSchemaFile, loadSchemaFiles, MigratorError } from '../../src/index.js';
import { startPglite } from '../../src/shadow/pglite.js';
import { BASE_URL, createDatabase } from '../helpers/databases.js';

const dir = mkdtempSync(join(tmpdir(), 'sb-shadow-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const example = resolve(import.meta.dirname, '../../../../examples/schema/v2.sql');

async function shadowDatabases(): Promise<string[]> {
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'sb_shadow_%'`);
  await admin.end();
  return rows.map((r) => r.datname);
}

describe('shadow databases', () => {
  let live: Awaited<ReturnType<typeof createDatabase>>;
  beforeAll(async () => {
    live = await createDatabase('sb_shadow_cmp');
  });
  afterAll(async () => {
    await live?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('introspects the same schema identically on PGlite (PG 18) and the real PostgreSQL 15', async () => {
    await live.client.query(readFileSync(example, 'utf8'));
    const fromServer = await introspect(live.client);
    const fromPglite = await loadSchemaFile(example);
    expect(fromPglite.serverVersion).toBeGreaterThanOrEqual(180000);
    expect(fromServer.serverVersion).toBeLessThan(160000);
    expect(diffSnapshots(fromServer, fromPglite).operations).toEqual([]);
    expect(diffSnapshots(fromPglite, fromServer).operations).toEqual([]);
  }, 120_000);

  it('reports a statement PostgreSQL rejects with file, line and column', async () => {
    const bad = file('bad.sql', 'create table a (id int);\n\ncreate table b (\n  id int references nope (id)\n);\n');
    const error = await loadSchemaFile(bad).catch((e: unknown) => e);
    expect(MigratorError.is(error)).toBe(true);
    expect((error as MigratorError).code).toBe('MIGRATOR_SCHEMA_LOAD_FAILED');
    expect((error as MigratorError).message).toBe(`${bad}:3:1: relation "nope" does not exist`);
  }, 120_000);

  it('reports a syntax error at its exact line and column before touching a database', async () => {
    const bad = file('syntax.sql', 'create table a (id int);\n  create tabel x (id int);\n');
    const error = await loadSchemaFile(bad).catch((e: unknown) => e);
    expect((error as MigratorError).message).toBe(`${bad}:2:10: syntax error at or near "tabel"`);
  });

  it('loads into a temporary database on a real server and always drops it, also on failure', async () => {
    const before = await shadowDatabases();
    const ok = file('ok.sql', 'create table t (id int primary key);');
    const [snapshot] = await loadSchemaFiles([ok], { shadow: BASE_URL });
    expect(snapshot!.tables.map((t) => t.name)).toEqual(['t']);
    const bad = file('dup.sql', 'create table t (id int);\ncreate table t (id int);');
    const error = await loadSchemaFile(bad, { shadow: BASE_URL }).catch((e: unknown) => e);
    expect((error as MigratorError).message).toBe(`${bad}:2:1: relation "t" already exists`);
    expect(await shadowDatabases()).toEqual(before);
  });

  it('caches an initialised PGlite data directory and starts from it the next time', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'sb-pglite-cache-'));
    const first = await startPglite({ cacheDir });
    await first.db.close();
    const second = await startPglite({ cacheDir });
    const { rows } = await second.db.query<{ one: number }>('select 1 as one');
    await second.db.close();
    await rm(cacheDir, { recursive: true, force: true });
    expect([first.cached, second.cached, rows[0]?.one]).toEqual([false, true, 1]);
  }, 180_000);

  it('names an extension PGlite does not ship and points at --shadow', async () => {
    const path = file('ext.sql', 'create extension postgis;');
    const error = await loadSchemaFile(path).catch((e: unknown) => e);
    expect((error as MigratorError).code).toBe('MIGRATOR_SHADOW_FAILED');
    expect((error as MigratorError).message).toMatch(/"postgis" is not available .*--shadow/);
  }, 120_000);
});
