import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, MigratorError, type Finding } from '../../src/index.js';
import { createTestDatabase, withClient } from '../helpers/databases.js';

// Written by a real PostgreSQL 15 (csvlog + jsonlog, log_statement = 'all', auto_explain for the first
// session): see fixtures/server-log/generate.mjs.
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/server-log/${name}`, import.meta.url));
const lookup = (findings: Finding[], key: string) => findings.find((f) => f.check === 'n-plus-one' && f.evidence['lookup'] === key);

describe('analyze --log (a PostgreSQL csvlog/jsonlog)', () => {
  it.each(['app.csv', 'app.json'])('finds both N+1 loops in %s per session, with the parent and the run evidence', async (file) => {
    const result = await analyze({ log: fixture(file) });
    expect(result.log).toMatchObject({ format: file.endsWith('.csv') ? 'csvlog' : 'jsonlog', records: 163, statements: 108, sessions: 3 });
    expect(result.checks.filter((c) => c.ran).map((c) => c.id)).toEqual(['n-plus-one', 'hot-point-query']);
    expect(result.checks.find((c) => c.id === 'fk-without-index')?.skipped).toMatch(/no database connection/);
    const posts = lookup(result.findings, 'posts.user_id');
    expect(posts?.evidence).toMatchObject({
      source: 'log',
      query: 'select id, title from posts where user_id = $1',
      calls: 50,
      rows: 250,
      parentQuery: 'select id, name from users order by id limit $1',
      parentCalls: 5,
      parentRows: 50,
      runs: 5,
      sessions: 1,
      runsInOneTransaction: 2,
      longestRun: 10,
      runLengthEqualsParentRows: '5/5',
    });
    expect(posts!.fix!.sql).toBe('select user_id, id, title from posts where user_id = any($1)');
    const authors = lookup(result.findings, 'users.id');
    expect(authors?.evidence).toMatchObject({
      query: 'select id, name from users where id = $1',
      calls: 32,
      parentQuery: 'select id, user_id, title from posts order by id desc limit $1',
      runs: 4,
      longestRun: 8,
      parentRows: null,
    });
    expect(result.findings.filter((f) => f.check === 'n-plus-one')).toHaveLength(2);
  });

  it('reports the lookup loop that has no parent as a hot point query, never an N+1', async () => {
    const result = await analyze({ log: fixture('app.json'), thresholds: { nPlusOneMinCalls: 10 } });
    const hot = result.findings.filter((f) => f.check === 'hot-point-query');
    expect(hot.map((f) => [f.severity, f.evidence['query'], f.evidence['calls']])).toEqual([['info', 'select name from users where id = $1', 12]]);
  });

  it('finds no N+1 in pgbench\'s TPC-B transactions', async () => {
    const result = await analyze({ log: fixture('pgbench.json'), thresholds: { nPlusOneMinCalls: 10 } });
    expect(result.log?.statements).toBe(212);
    expect(result.findings.filter((f) => f.check === 'n-plus-one')).toEqual([]);
    expect(result.findings.map((f) => f.evidence['query'])).toEqual(['SELECT abalance FROM pgbench_accounts WHERE aid = $1']);
  });

  describe('with a connection too', () => {
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    beforeAll(async () => {
      db = await createTestDatabase('serverlog');
      await withClient(db.url, (c) => c.query(`
        create table users (id bigint primary key, name text not null);
        create table posts (id bigint primary key, user_id bigint not null references users (id), title text not null);`));
    });
    afterAll(async () => db?.drop());

    it('adds the foreign key that relates child and parent, and runs the catalog checks', async () => {
      const result = await analyze({ connectionString: db.url, log: fixture('app.csv') });
      expect(lookup(result.findings, 'posts.user_id')?.evidence['relation']).toBe('one-to-many: posts.user_id → users.id (foreign key)');
      expect(lookup(result.findings, 'users.id')?.evidence['relation']).toBe('many-to-one: posts.user_id → users.id (foreign key)');
      expect(result.findings.some((f) => f.check === 'fk-without-index' && f.object === 'public.posts')).toBe(true);
    });
  });

  describe('bad input', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'sb-log-'));
    });
    afterAll(async () => rm(dir, { recursive: true, force: true }));

    it('names the file and line of a record that is not csvlog, and of a line that is not JSON', async () => {
      const stderr = join(dir, 'postgresql.log');
      await writeFile(stderr, '2026-12-04 15:35:19.620 UTC [28518] LOG:  statement: select 1\n');
      const e1 = (await analyze({ log: stderr }).catch((e: unknown) => e)) as MigratorError;
      expect([e1.code, e1.message]).toEqual(['MIGRATOR_INVALID_LOG', `${stderr}:1: not a PostgreSQL csvlog record (1 fields; expected 23 or more, starting with log_time) — or a jsonlog file`]);
      const json = join(dir, 'broken.json');
      await writeFile(json, '{"timestamp":"2026-12-04 15:35:19.620 UTC","error_severity":"LOG","message":"statement: select 1"}\n{"timestamp": \n');
      const e2 = (await analyze({ log: json }).catch((e: unknown) => e)) as MigratorError;
      expect([e2.code, e2.message]).toEqual(['MIGRATOR_INVALID_LOG', `${json}:2: not JSON (expected one PostgreSQL jsonlog record per line)`]);
    });

    it('says when the log file cannot be read, and when neither a connection nor a log is given', async () => {
      const missing = join(dir, 'nope.csv');
      const e1 = (await analyze({ log: missing }).catch((e: unknown) => e)) as MigratorError;
      expect([e1.code, e1.message]).toEqual(['MIGRATOR_INVALID_OPTION', `${missing}: cannot read the log file (ENOENT)`]);
      const e2 = (await analyze({}).catch((e: unknown) => e)) as MigratorError;
      expect(e2.message).toBe('give a connection string, a server log (log), or both');
    });
  });
});
