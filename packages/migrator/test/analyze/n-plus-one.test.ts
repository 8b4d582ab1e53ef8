import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalyzeResult, type Finding } from '../../src/index.js';
import { createTestDatabase, withClient } from '../helpers/databases.js';

const run = promisify(execFile);
const resetStatements = `select pg_stat_statements_reset(0, (select oid from pg_database where datname = current_database()), 0)`;
const of = (r: AnalyzeResult, check: string): Finding[] => r.findings.filter((f) => f.check === check);

describe('N+1 from pg_stat_statements', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let result: AnalyzeResult;

  beforeAll(async () => {
    db = await createTestDatabase('nplusone');
    await withClient(db.url, async (c) => {
      await c.query(`
        create extension if not exists pg_stat_statements;
        create table users (id bigint primary key, name text not null);
        create table posts (id bigint primary key, user_id bigint not null references users (id), title text not null);
        insert into users select g, 'user ' || g from generate_series(1, 200) g;
        insert into posts select g, 1 + g % 200, 'post ' || g from generate_series(1, 2000) g;
        analyze;`);
      await c.query(resetStatements);
      // The textbook one-to-many N+1: a page of users, then each user's posts, 30 times.
      for (let round = 0; round < 30; round++) {
        const { rows } = await c.query<{ id: string }>('select id, name from users order by id limit 40');
        for (const u of rows) await c.query('select id, title from posts where user_id = $1', [u.id]);
      }
      // Many-to-one: the latest posts, then each post's author, 20 times.
      for (let round = 0; round < 20; round++) {
        const { rows } = await c.query<{ user_id: string }>('select id, user_id, title from posts order by id desc limit 25');
        for (const p of rows) await c.query('select id, name from users where id = $1', [p.user_id]);
      }
      // Updates by key, once per row: never an N+1, never rewritten.
      for (let i = 1; i <= 150; i++) await c.query('update users set name = name where id = $1', [i]);
      await c.query('select pg_stat_force_next_flush()');
    });
    result = await analyze({ connectionString: db.url, checks: ['n-plus-one', 'hot-point-query'] });
  });
  afterAll(async () => db?.drop());

  it('finds the textbook one-to-many N+1 and names its parent, the relation and the batched read', () => {
    const posts = of(result, 'n-plus-one').find((f) => f.evidence['lookup'] === 'posts.user_id');
    expect(posts?.evidence).toMatchObject({
      source: 'pg_stat_statements',
      query: 'select id, title from posts where user_id = $1',
      calls: 1200,
      parentQuery: 'select id, name from users order by id limit $1',
      parentCalls: 30,
      parentRows: 1200,
      relation: 'one-to-many: posts.user_id → users.id (foreign key)',
    });
    expect(posts!.title).toBe('N+1: "select id, title from posts where user_id = $1" ran 1200 times, once per row of "select id, name from users order by id limit $1" (one-to-many, posts.user_id → users.id)');
    expect(posts!.severity).toBe('high');
    expect(posts!.fix!.sql).toBe('select user_id, id, title from posts where user_id = any($1)');
  });

  it('finds the many-to-one N+1 (each post\'s author) with the posts query as parent', () => {
    const authors = of(result, 'n-plus-one').find((f) => f.evidence['lookup'] === 'users.id');
    expect(authors?.evidence).toMatchObject({
      query: 'select id, name from users where id = $1',
      calls: 500,
      parentQuery: 'select id, user_id, title from posts order by id desc limit $1',
      parentCalls: 20,
      parentRows: 500,
      relation: 'many-to-one: posts.user_id → users.id (foreign key)',
    });
    expect(authors!.fix!.sql).toBe('select id, name from users where id = any($1)');
  });

  it('reports nothing else as N+1 and never rewrites an UPDATE', () => {
    expect(of(result, 'n-plus-one')).toHaveLength(2);
    expect(result.findings.every((f) => !/update/i.test(String(f.evidence['query'])))).toBe(true);
  });
});

describe('pgbench (TPC-B) through pg_stat_statements', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    db = await createTestDatabase('pgbench');
    const url = new URL(db.url);
    const args = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username) || 'postgres'];
    await run('pgbench', [...args, '-i', '-s', '1', '--foreign-keys', '-q', db.name]);
    await withClient(db.url, (c) => c.query(`create extension if not exists pg_stat_statements; ${resetStatements}`));
    await run('pgbench', [...args, '-n', '-c', '2', '-t', '200', db.name]);
    await withClient(db.url, (c) => c.query('select pg_stat_force_next_flush()'));
  }, 120_000);
  afterAll(async () => db?.drop());

  it('finds no N+1; its frequent single-row SELECT is at most an INFO hot point query', async () => {
    const result = await analyze({ connectionString: db.url, checks: ['n-plus-one', 'hot-point-query'] });
    expect(of(result, 'n-plus-one')).toEqual([]);
    const hot = of(result, 'hot-point-query');
    expect(hot.map((f) => [f.severity, f.evidence['query'], f.evidence['calls']])).toEqual([['info', 'SELECT abalance FROM pgbench_accounts WHERE aid = $1', 400]]);
    expect(hot[0]!.fix).toBeUndefined();
  });
});
