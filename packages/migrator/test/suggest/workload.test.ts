import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, migrate, suggestIndexes, type AnalyzeResult, type SuggestResult } from '../../src/index.js';
import { createTestDatabase, withClient } from '../helpers/databases.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let out: string;

/** The application: an N+1 loop over users reading profiles by an unindexed FK, and a filter on an unindexed column. */
async function runWorkload(url: string): Promise<void> {
  await withClient(url, async (c) => {
    const { rows: users } = await c.query<{ id: string }>('select id from users where id <= $1 order by id', [300]);
    for (const u of users) await c.query('select bio from profiles where user_id = $1', [u.id]);
    for (let i = 0; i < 50; i++) await c.query('select id, status from orders where reference = $1', [`ref-${i * 97}`]);
    await c.query('select pg_stat_force_next_flush()');
  });
}

beforeAll(async () => {
  db = await createTestDatabase('workload');
  out = await mkdtemp(join(tmpdir(), 'sb-workload-'));
  await withClient(db.url, async (c) => {
    await c.query(`
      create extension if not exists pg_stat_statements;
      create extension if not exists hypopg;
      create table users (id bigint primary key, email text not null);
      create table profiles (id bigint primary key, user_id bigint not null references users (id), bio text);
      create table orders (id bigint primary key, user_id bigint not null references users (id), reference text not null, status text not null);
      create index orders_user_id_idx on orders (user_id);
      insert into users select g, 'u' || g || '@example.com' from generate_series(1, 5000) g;
      insert into profiles select g, g, 'bio ' || g from generate_series(1, 5000) g;
      insert into orders select g, 1 + g % 5000, 'ref-' || g, (array['new', 'paid', 'shipped'])[1 + g % 3] from generate_series(1, 30000) g;
      -- No autovacuum: a vacuum at a random moment would make covering (index-only) indexes win or not.
      alter table profiles set (autovacuum_enabled = off);
      alter table orders set (autovacuum_enabled = off);
      analyze;
      select pg_stat_statements_reset(0, (select oid from pg_database where datname = current_database()), 0);`);
  });
  await runWorkload(db.url);
});
afterAll(async () => {
  await db?.drop();
  await rm(out, { recursive: true, force: true });
});

describe('the analyse → suggest → apply → verify workflow on a real workload', () => {
  let before: AnalyzeResult;
  let suggested: SuggestResult;

  it('finds the unindexed foreign key, the N+1 loop with its parent, and the seq-scanned table', async () => {
    before = await analyze({ connectionString: db.url });
    expect(before.pgStatStatements.available).toBe(true);
    const fk = before.findings.find((f) => f.check === 'fk-without-index');
    expect(fk).toMatchObject({ object: 'public.profiles', severity: 'medium', evidence: { constraint: 'profiles_user_id_fkey', columns: 'user_id', references: 'users' } });
    expect(fk!.fix!.sql).toBe('create index concurrently if not exists "profiles_user_id_idx" on "public"."profiles" ("user_id");');
    const n1 = before.findings.find((f) => f.check === 'n-plus-one');
    expect(n1?.evidence).toMatchObject({ query: 'select bio from profiles where user_id = $1', calls: 300, rows: 300, rowsPerCall: 1, parentCalls: 1, parentRows: 300 });
    expect(n1!.evidence['parentQuery']).toBe('select id from users where id <= $1 order by id');
    expect(n1!.fix!.sql).toBe('select user_id, bio from profiles where user_id = any($1)');
    const seq = before.findings.find((f) => f.check === 'seq-scan-heavy' && f.object === 'public.orders');
    expect(seq?.evidence).toMatchObject({ liveRows: 30000, indexScans: 0 });
    expect(Number(seq!.evidence['seqScans'])).toBeGreaterThanOrEqual(50);
    expect(before.findings.some((f) => f.check === 'slow-query')).toBe(true);
  });

  it('suggests the two indexes, verified with HypoPG, and writes them as a CONCURRENTLY migration', async () => {
    suggested = await suggestIndexes({ connectionString: db.url, output: out });
    expect(suggested.hypopg.available).toBe(true);
    const byTable = Object.fromEntries(suggested.suggestions.map((s) => [`${s.table}(${s.columns.join(',')})`, s]));
    expect(Object.keys(byTable).sort()).toEqual(['orders(reference)', 'profiles(user_id)']);
    for (const s of suggested.suggestions) {
      expect(s.verified).toBe(true);
      const q = s.queries[0]!;
      expect(q.costAfter!).toBeLessThan(q.costBefore! * 0.7);
    }
    const text = await readFile(suggested.migration!, 'utf8');
    expect(text).toMatch(/-- migrate:up transaction:false\ncreate index concurrently if not exists "orders_reference_idx" on "public"."orders" \("reference"\);/);
    expect(text).toMatch(/-- migrate:down transaction:false\n[\s\S]*drop index concurrently if exists "public"."orders_reference_idx";/);
  });

  it('applies the suggestion through the runner; the FK finding is gone and the planner uses the indexes', async () => {
    const applied = await migrate({ path: out, connectionString: db.url });
    expect(applied.failure).toBeUndefined();
    expect(applied.migrations.map((m) => m.status)).toEqual(['applied']);
    expect(await readdir(out)).toHaveLength(1);
    await withClient(db.url, (c) => c.query('select pg_stat_reset()'));
    await runWorkload(db.url);
    const after = await analyze({ connectionString: db.url });
    expect(after.findings.filter((f) => f.check === 'fk-without-index')).toEqual([]);
    expect(after.findings.filter((f) => f.check === 'seq-scan-heavy' && f.object === 'public.orders')).toEqual([]);
    const plans = await withClient(db.url, async (c) => [
      (await c.query(`explain select id, status from orders where reference = 'ref-97'`)).rows.map((r) => r['QUERY PLAN']).join('\n'),
      (await c.query(`explain select bio from profiles where user_id = 42`)).rows.map((r) => r['QUERY PLAN']).join('\n'),
    ]);
    expect(plans[0]).toMatch(/Index Scan using orders_reference_idx on orders/);
    expect(plans[1]).toMatch(/Index Scan using profiles_user_id_idx on profiles/);
  });
});
