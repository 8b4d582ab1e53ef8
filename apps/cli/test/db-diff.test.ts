import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect } from '@sb/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DATABASE_URL, type TestDatabase } from '@sb/test-utils';
import { runCli } from './helpers/run-cli.js';

const BASE = DATABASE_URL;
let db: TestDatabase;
let DB_URL: string;
const ROOT = resolve(import.meta.dirname, '../../..');
const V1 = join(ROOT, 'examples/schema/v1.sql');
const V2 = join(ROOT, 'examples/schema/v2.sql');
let dir: string;

async function sql(url: string, text: string): Promise<void> {
  const c = await connect({ connectionString: url });
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
const fresh = async () => mkdtemp(join(dir, 'out-'));

beforeAll(async () => {
  db = await createTestDatabase('cli_diff');
  DB_URL = db.url;
  await sql(DB_URL, await readFile(V1, 'utf8'));
  dir = await mkdtemp(join(tmpdir(), 'sb-cli-diff-'));
});
afterAll(async () => {
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('sb db diff', () => {
  it('runs the README quick start with no server: enum values committed first, then transactional, then CONCURRENTLY', async () => {
    const out = await fresh();
    const result = await runCli(['db', 'diff', '--from', V1, '--compare', V2, '--output', out], { timeoutMs: 170_000 });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\+ create table public\.notifications/);
    expect(result.stdout).toMatch(/Heavy locks \(2\):/);
    const files = (await readdir(out)).sort();
    expect(files).toHaveLength(3);
    expect(files[0]).toMatch(/^\d{14}_.*_enum_values\.sql$/);
    expect(files[2]).toMatch(/^\d{14}_.*_online\.sql$/);
    const values = await readFile(join(out, files[0]!), 'utf8');
    expect(values).toMatch(/^-- migrate:up transaction:false$/m);
    expect(values).toContain(`ALTER TYPE "public"."task_status" ADD VALUE IF NOT EXISTS 'blocked' AFTER 'doing';`);
    const main = await readFile(join(out, files[1]!), 'utf8');
    expect(main).toMatch(/^-- migrate:up\nSET lock_timeout = '5s';$/m);
    expect(main).not.toContain('ADD VALUE');
    expect(await readFile(join(out, files[2]!), 'utf8')).toMatch(/^-- migrate:up transaction:false$/m);
  }, 180_000);

  it('says the schemas are identical, writes no file and exits 0', async () => {
    const out = await fresh();
    const result = await runCli(['db', 'diff', '--connection', DB_URL, '--compare', V1, '--shadow', BASE, '--output', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/schemas are identical/);
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses a destructive change: names each statement, writes nothing, exits 1', async () => {
    const out = await fresh();
    const result = await runCli(['db', 'diff', '--from', V2, '--compare', V1, '--shadow', BASE, '--output', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('DROP TABLE "public"."notifications";');
    expect(result.stdout).toMatch(/drops table public\.notifications and all its rows/);
    expect(result.stdout).toMatch(/Refused: \d+ destructive statement\(s\); nothing written/);
    expect(await readdir(out)).toEqual([]);
  });

  it('writes the destructive migration with --allow-destructive and reports it as --json', async () => {
    const out = await fresh();
    const result = await runCli(['db', 'diff', '--from', V2, '--compare', V1, '--shadow', BASE, '--output', out, '--allow-destructive', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { status: string; files: string[]; destructive: { sql: string }[] };
    expect(json.status).toBe('written');
    expect(json.files).toHaveLength(1);
    expect(json.destructive.map((d) => d.sql)).toContain('DROP TABLE "public"."notifications";');
    expect(await readdir(out)).toHaveLength(1);
  });

  it('points at file:line:column when the target schema does not load, and writes nothing', async () => {
    const out = await fresh();
    const bad = join(dir, 'bad.sql');
    await writeFile(bad, 'create table a (id int);\ncreate table a (id int);\n');
    const result = await runCli(['db', 'diff', '--connection', DB_URL, '--compare', bad, '--shadow', BASE, '--output', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error [MIGRATOR_SCHEMA_LOAD_FAILED]: ${bad}:2:1: relation "a" already exists`);
    expect(await readdir(out)).toEqual([]);
  });

  it('names the unreachable server without the password, exit 2', async () => {
    const result = await runCli(['db', 'diff', '--connection', 'postgres://app:hunter2@127.0.0.1:1/prod', '--target', DB_URL, '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('MIGRATOR_CONNECTION_FAILED');
    expect(result.stdout).toContain('app@127.0.0.1:1/prod');
    expect(result.stdout + result.stderr).not.toContain('hunter2');
  });

  it('is a usage error without a source schema', async () => {
    const result = await runCli(['db', 'diff', '--compare', V1]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--connection postgres:\/\/… or --from schema\.sql/);
  });

  it('accepts a suggested rename with --rename', async () => {
    const a = join(dir, 'a.sql');
    const b = join(dir, 'b.sql');
    await writeFile(a, 'create table users (id int, fullname text);');
    await writeFile(b, 'create table users (id int, full_name text);');
    const suggested = await runCli(['db', 'diff', '--from', a, '--compare', b, '--shadow', BASE]);
    expect(suggested.code).toBe(1);
    expect(suggested.stdout).toContain('accept with --rename public.users.fullname:full_name');
    const renamed = await runCli(['db', 'diff', '--from', a, '--compare', b, '--shadow', BASE, '--rename', 'public.users.fullname:full_name', '--json']);
    expect(renamed.code).toBe(0);
    const json = JSON.parse(renamed.stdout) as { up: { sql: string }[]; down: { sql: string }[] };
    expect(json.up.map((op) => op.sql)).toEqual(['ALTER TABLE "public"."users" RENAME COLUMN "fullname" TO "full_name";']);
    expect(json.down.map((op) => op.sql)).toEqual(['ALTER TABLE "public"."users" RENAME COLUMN "full_name" TO "fullname";']);
  });
});
