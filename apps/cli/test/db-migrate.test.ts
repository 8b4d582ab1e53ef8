import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@sb/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@sb/test-utils';
import { runCli } from './helpers/run-cli.js';

let db: TestDatabase;
let DB_URL: string;
let dir: string;

async function sql(url: string, text: string): Promise<Record<string, unknown>[]> {
  const c = await connect({ connectionString: url });
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  db = await createTestDatabase('cli_migrate');
  DB_URL = db.url;
  dir = await mkdtemp(join(tmpdir(), 'sb-cli-migrate-'));
  await writeFile(join(dir, '20260101000000_orders.sql'), '-- migrate:up\ncreate table orders (id bigint primary key, status text);\ninsert into orders select g, \'new\' from generate_series(1, 10) g;\n-- migrate:down\ndrop table orders;\n');
  await writeFile(join(dir, '20260102000000_ship.sql'), '-- migrate:up\nalter table orders add column shipped_at timestamptz;\nselect pg_sleep(0.2);\n-- migrate:down\nalter table orders drop column shipped_at;\n');
});
afterAll(async () => {
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('sb db migrate / sb db status', () => {
  it('dry-runs: reports rows and ACCESS EXCLUSIVE locks per statement and persists nothing', async () => {
    const result = await runCli(['db', 'migrate', dir, '--dry-run', '--connection', DB_URL]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/dry run \(apply, rolled back: nothing persists\)/);
    expect(result.stdout).toMatch(/INSERT, 10 row\(s\) in [\d.]+ ms/);
    expect(result.stdout).toMatch(/ALTER in [\d.]+ ms; locks: ACCESS EXCLUSIVE on public\.orders/);
    expect(await sql(DB_URL, `select to_regclass('public.orders') as t`)).toEqual([{ t: null }]);
  });

  it('applies each migration exactly once when two processes migrate at the same time', async () => {
    const [a, b] = await Promise.all([
      runCli(['db', 'migrate', dir, '--connection', DB_URL, '--json']),
      runCli(['db', 'migrate', dir, '--connection', DB_URL, '--json']),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const counts = [a, b].map((r) => (JSON.parse(r.stdout) as { migrations: unknown[] }).migrations.length).sort();
    expect(counts).toEqual([0, 2]);
    expect(await sql(DB_URL, 'select count(*)::int as n from orders')).toEqual([{ n: 10 }]);
  });

  it('shows status, then refuses an edited applied file with exit 2 naming both checksums', async () => {
    const status = await runCli(['db', 'status', dir, '--connection', DB_URL]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^applied\s+20260101000000_orders\.sql/m);
    expect(status.stdout).toMatch(/2 applied, 0 pending, 0 changed/);
    await writeFile(join(dir, '20260102000000_ship.sql'), '-- migrate:up\nalter table orders add column shipped_on date;\n-- migrate:down\n');
    const changed = await runCli(['db', 'status', dir, '--connection', DB_URL]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/^changed\s+20260102000000_ship\.sql\s+file changed since applied: applied [0-9a-f]{64}, file now [0-9a-f]{64}/m);
    const refused = await runCli(['db', 'migrate', dir, '--connection', DB_URL]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/error \[MIGRATOR_CHECKSUM_MISMATCH\]/);
  });

  it('rejects a syntax error with file:line and exit 2, and reports a failing statement with exit 1', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'sb-cli-bad-'));
    await writeFile(join(bad, '20260301000000_typo.sql'), '-- migrate:up\nselect 1;\nselec 2;\n-- migrate:down\n');
    const syntax = await runCli(['db', 'migrate', bad, '--connection', DB_URL]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/error \[MIGRATOR_INVALID_MIGRATION\]: 20260301000000_typo\.sql:3: syntax error at or near "selec"/);
    await rm(bad, { recursive: true, force: true });
    const failing = await mkdtemp(join(tmpdir(), 'sb-cli-fail-'));
    await writeFile(join(failing, '20260301000000_fail.sql'), '-- migrate:up\ncreate table t1 (id int);\ninsert into t1 values (\'x\');\n-- migrate:down\n');
    const result = await runCli(['db', 'migrate', failing, '--connection', DB_URL, '--tracking-table', 'other.migrations']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✖ 20260301000000_fail\.sql:3: ERROR 22P02: invalid input syntax for type integer: "x"/);
    expect(result.stdout).toMatch(/rolled back: nothing of this migration persists/);
    expect(await sql(DB_URL, `select to_regclass('public.t1') as t`)).toEqual([{ t: null }]);
    await rm(failing, { recursive: true, force: true });
  });
});
