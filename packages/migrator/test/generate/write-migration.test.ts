import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSchemas, introspect, type SchemaSnapshot, writeMigration } from '../../src/index.js';
import { parseMigration } from '../../src/migration-file/parse.js';
import { resetDatabase } from '../conformance/harness.js';
import { createDatabase } from '../helpers/databases.js';

let db: Awaited<ReturnType<typeof createDatabase>>;
async function snapshot(sql: string): Promise<SchemaSnapshot> {
  await resetDatabase(db.client);
  await db.client.query(sql);
  return introspect(db.client);
}
const date = new Date('2026-01-15T09:30:00Z');
const out = () => mkdtempSync(join(tmpdir(), 'sb-migrations-'));

describe('writeMigration', () => {
  let v1: SchemaSnapshot;
  let v2: SchemaSnapshot;
  let v3: SchemaSnapshot;
  beforeAll(async () => {
    db = await createDatabase('sb_write');
    v1 = await snapshot(`create table users (id int primary key, email text);`);
    v2 = await snapshot(`create table users (id int primary key, email text, name text); create index users_email on users (email);`);
    v3 = await snapshot(`create table accounts (id int primary key);`);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('writes nothing when the schemas are identical', async () => {
    const plan = await diffSchemas({ from: { snapshot: v1 }, to: { snapshot: v1 } });
    const dir = out();
    expect(plan.identical).toBe(true);
    expect(await writeMigration(plan, { directory: dir, date })).toEqual({ status: 'identical', files: [], refused: [] });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('puts CREATE INDEX CONCURRENTLY in its own transaction:false file after the transactional one', async () => {
    const plan = await diffSchemas({ from: { snapshot: v1 }, to: { snapshot: v2 } });
    const dir = out();
    const result = await writeMigration(plan, { directory: dir, date, description: 'add name' });
    expect(result.files.map((f) => f.slice(dir.length + 1))).toEqual(['20260115093000_add_name.sql', '20260115093001_add_name_online.sql']);
    const [main, concurrent] = result.files.map((f) => parseMigration(readFileSync(f, 'utf8'), f.slice(dir.length + 1)));
    expect(main!.up).toMatchObject({ transaction: true, sql: `SET lock_timeout = '5s';\n\nALTER TABLE "public"."users" ADD COLUMN "name" text;` });
    expect(main!.down.sql).toBe(`SET lock_timeout = '5s';\n\nALTER TABLE "public"."users" DROP COLUMN "name";`);
    expect(concurrent!.up).toMatchObject({ transaction: false, sql: expect.stringContaining('CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_email"') });
    expect(concurrent!.down).toMatchObject({ transaction: false, sql: expect.stringContaining('DROP INDEX CONCURRENTLY IF EXISTS "public"."users_email";') });
  });

  it('refuses a destructive plan without allowDestructive, naming each statement, and writes nothing', async () => {
    const plan = await diffSchemas({ from: { snapshot: v1 }, to: { snapshot: v3 } });
    const dir = out();
    const result = await writeMigration(plan, { directory: dir, date });
    expect(result.status).toBe('refused');
    expect(result.refused.map((op) => op.sql)).toEqual(['DROP TABLE "public"."users";']);
    expect(readdirSync(dir)).toEqual([]);
    const allowed = await writeMigration(plan, { directory: dir, date, allowDestructive: true });
    expect(allowed.status).toBe('written');
    expect(readFileSync(allowed.files[0]!, 'utf8')).toMatch(/^-- DESTRUCTIVE: drops table public.users and all its rows$/m);
  });

  it('never overwrites an existing migration file: the new one is dated after the newest in the folder', async () => {
    const plan = await diffSchemas({ from: { snapshot: v3 }, to: { snapshot: v1 } });
    const dir = out();
    writeFileSync(join(dir, '20260115093000_users.sql'), 'keep me');
    const result = await writeMigration(plan, { directory: dir, date, description: 'users', allowDestructive: true });
    expect(result.files.map((f) => f.slice(dir.length + 1))).toEqual(['20260115093001_users.sql']);
    expect(readFileSync(join(dir, '20260115093000_users.sql'), 'utf8')).toBe('keep me');
  });
});
