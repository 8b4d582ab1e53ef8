import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '@sb/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@sb/test-utils';
import { runCli } from './helpers/run-cli.js';

let db: TestDatabase;
let DB_URL: string;
let out: string;

async function sql(url: string, text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const c = await connect({ connectionString: url });
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  db = await createTestDatabase('cli_analyze');
  DB_URL = db.url;
  out = await mkdtemp(join(tmpdir(), 'sb-cli-analyze-'));
  await sql(DB_URL, `
    create extension pg_stat_statements; create extension hypopg;
    create table authors (id bigint primary key, name text not null);
    create table books (id bigint primary key, author_id bigint not null references authors (id), isbn text not null) with (autovacuum_enabled = off);
    insert into authors select g, 'a' || g from generate_series(1, 3000) g;
    insert into books select g, 1 + g % 3000, 'isbn-' || g from generate_series(1, 20000) g;
    analyze;
    select pg_stat_statements_reset(0, (select oid from pg_database where datname = current_database()), 0);`);
  const c = await connect({ connectionString: DB_URL });
  for (let i = 0; i < 120; i++) await c.query('select id, isbn from books where author_id = $1', [i + 1]);
  await c.query('select pg_stat_force_next_flush()');
  await c.end();
});
afterAll(async () => {
  await db?.drop();
  await rm(out, { recursive: true, force: true });
});

describe('sb db analyze / sb db suggest-indexes', () => {
  it('reports the unindexed foreign key with its fix, and exits 1 with --fail-on medium', async () => {
    const result = await runCli(['db', 'analyze', '--connection', DB_URL, '--fail-on', 'medium']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/HIGH\s+fk-without-index\s+public\.books\n\s+foreign key books_author_id_fkey \(author_id\) → authors has no covering index/);
    expect(result.stdout).toContain('fix: create index concurrently if not exists "books_author_id_idx" on "public"."books" ("author_id");');
    const json = await runCli(['db', 'analyze', '--connection', DB_URL, '--json', '--check', 'fk-without-index']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { findings: Array<{ check: string }> }).findings.map((f) => f.check)).toEqual(['fk-without-index']);
  });

  it('suggests a verified index from pg_stat_statements, writes it, and the applied migration clears the finding', async () => {
    const suggest = await runCli(['db', 'suggest-indexes', '--connection', DB_URL, '--output', out]);
    expect(suggest.code).toBe(0);
    expect(suggest.stdout).toMatch(/✔ verified\s+create index concurrently if not exists "books_author_id_idx" on "public"\."books" \("author_id"\);/);
    expect(suggest.stdout).toMatch(/cost [\d.]+ → [\d.]+: select id, isbn from books where author_id = \$1/);
    expect(await readdir(out)).toHaveLength(1);
    const dry = await runCli(['db', 'migrate', out, '--dry-run', '--connection', DB_URL]);
    expect(dry.stdout).toMatch(/not-dry-runnable\n\s+! not dry-runnable: CREATE INDEX CONCURRENTLY cannot run inside a transaction block/);
    const applied = await runCli(['db', 'migrate', out, '--connection', DB_URL]);
    expect(applied.code).toBe(0);
    const after = await runCli(['db', 'analyze', '--connection', DB_URL, '--check', 'fk-without-index', '--fail-on', 'low']);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/0 findings/);
  });

  it('labels suggestions unverified with --no-verify and rejects a broken queries file with exit 2', async () => {
    const file = join(out, '..', `${db.name}.sql`);
    await writeFile(file, "select * from books where isbn = 'isbn-5';\n");
    const unverified = await runCli(['db', 'suggest-indexes', '--connection', DB_URL, '--queries', file, '--no-verify']);
    expect(unverified.stdout).toMatch(/\? unverified create index concurrently if not exists "books_isbn_idx"/);
    await writeFile(file, 'select * form books;\n');
    const bad = await runCli(['db', 'suggest-indexes', '--connection', DB_URL, '--queries', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/error \[MIGRATOR_INVALID_QUERY\]: .*\.sql:1: syntax error at or near "form"/);
    await rm(file);
  });

  it('finds N+1 per session in a PostgreSQL jsonlog without a connection, and exits 2 with neither', async () => {
    const log = fileURLToPath(new URL('../../../packages/migrator/test/analyze/fixtures/server-log/app.json', import.meta.url));
    const env = { DATABASE_URL: '' };
    const text = await runCli(['db', 'analyze', '--log', log, '--fail-on', 'medium'], { env });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('(jsonlog, 163 records, 108 statements in 3 sessions)');
    expect(text.stdout).toMatch(/MEDIUM\s+n-plus-one\s+posts\.user_id\n\s+N\+1: "select id, title from posts where user_id = \$1" ran 50 times, once per row of "select id, name from users order by id limit \$1"/);
    expect(text.stdout).toContain('fix: select user_id, id, title from posts where user_id = any($1)');
    const json = await runCli(['db', 'analyze', '--log', log, '--json'], { env });
    expect((JSON.parse(json.stdout) as { findings: Array<{ check: string }> }).findings.map((f) => f.check)).toEqual(['n-plus-one', 'n-plus-one']);
    const neither = await runCli(['db', 'analyze'], { env });
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('give --connection (or DATABASE_URL), --log FILE, or both');
  });
});
