import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigratorError, suggestIndexes } from '../../src/index.js';
import { createTestDatabase, withClient } from '../helpers/databases.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase('suggest');
  dir = await mkdtemp(join(tmpdir(), 'sb-suggest-'));
  await withClient(db.url, (c) =>
    c.query(`
      create extension if not exists hypopg;
      create table customers (id bigint primary key, country text not null, name text not null) with (autovacuum_enabled = off);
      create table invoices (id bigint primary key, customer_id bigint not null, issued_on date not null, amount numeric not null);
      insert into customers select g, (array['fr', 'de', 'it', 'es'])[1 + g % 4], 'c' || g from generate_series(1, 4000) g;
      insert into invoices select g, 1 + g % 4000, date '2020-01-01' + (g % 1500), g % 1000 from generate_series(1, 40000) g;
      create table accounts (aid integer primary key, bid integer not null, abalance integer not null, filler char(84)) with (autovacuum_enabled = off);
      insert into accounts select g, 1 + g % 100, case when g % 50 = 0 then g % 9000 - 4500 else 0 end, '' from generate_series(1, 100000) g;
      analyze;`),
  );
  // Index-only scans are costed by the visibility map: invoices is vacuumed (as in production), the others never
  // are (autovacuum off), so whether a covering index wins does not depend on when autovacuum runs.
  await withClient(db.url, (c) => c.query('vacuum analyze invoices'));
});
afterAll(async () => {
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('suggestIndexes', () => {
  it('verifies candidates from a queries file with HypoPG and keeps only those that lower the cost', async () => {
    const file = join(dir, 'queries.sql');
    await writeFile(file, [
      "select i.id, i.amount from invoices i join customers c on c.id = i.customer_id where c.name = 'c42';",
      "select * from invoices where customer_id = 7 and issued_on >= '2023-01-01' order by issued_on;",
      "select count(*) from customers where country = 'fr';",
      'insert into customers values (999999, \'fr\', \'x\');',
    ].join('\n'));
    const result = await suggestIndexes({ connectionString: db.url, queries: file });
    expect(result.source).toBe('file');
    expect(result.hypopg.available).toBe(true);
    expect(result.queries.map((q) => [q.location, q.status])).toEqual([
      [`${file}:1`, 'improved'],
      [`${file}:2`, 'improved'],
      [`${file}:3`, 'no-gain'],
      [`${file}:4`, 'skipped'],
    ]);
    const keys = result.suggestions.map((s) => `${s.table}(${s.columns.join(', ')})`).sort();
    expect(keys).toContain('invoices(customer_id, issued_on)');
    expect(result.queries[0]!.costAfter!).toBeLessThan(result.queries[0]!.costBefore!);
    expect(result.queries[3]!.reason).toBe('INSERT: only SELECT, UPDATE and DELETE are planned');
    const indexes = await withClient(db.url, async (c) => (await c.query(`select count(*)::int as n from pg_indexes where tablename in ('invoices', 'customers')`)).rows[0]);
    expect(indexes).toEqual({ n: 2 });
  });

  it('labels suggestions unverified without HypoPG', async () => {
    const file = join(dir, 'one.sql');
    await writeFile(file, "select * from invoices where issued_on = '2021-05-01';\n");
    const result = await suggestIndexes({ connectionString: db.url, queries: file, verify: false });
    expect(result.hypopg).toEqual({ available: false, reason: 'verification turned off' });
    expect(result.suggestions).toMatchObject([{ table: 'invoices', columns: ['issued_on'], verified: false }]);
    expect(result.suggestions[0]!.queries[0]!.costBefore).toBeUndefined();
  });

  it('rejects a queries file with a syntax error, naming file:line', async () => {
    const file = join(dir, 'bad.sql');
    await writeFile(file, 'select 1;\n\nselect * fron invoices;\n');
    const error = (await suggestIndexes({ connectionString: db.url, queries: file }).catch((e: unknown) => e)) as MigratorError;
    expect(error.code).toBe('MIGRATOR_INVALID_QUERY');
    expect(error.message).toBe(`${file}:3: syntax error at or near "fron"`);
  });

  it('tries multi-column candidates (equality, range, sort) for pgbench\'s filtered, ordered page and keeps the one that wins (pgbench shape, 100 branches)', async () => {
    const file = join(dir, 'page.sql');
    await writeFile(file, 'SELECT * FROM accounts WHERE bid = $1 AND abalance > $2 ORDER BY aid LIMIT $3;\n');
    const result = await suggestIndexes({ connectionString: db.url, queries: file });
    const q = result.queries[0]!;
    expect(q.tried!.map((t) => t.columns)).toEqual(expect.arrayContaining(['bid', 'bid, abalance', 'bid, aid', 'bid, abalance, aid', 'bid, aid, abalance']));
    expect(q.status).toBe('improved');
    expect(q.index).toEqual({ schema: 'public', table: 'accounts', columns: ['bid', 'aid', 'abalance'] });
    expect(q.tried!.find((t) => t.columns === 'bid, aid')!.cost).toBeGreaterThan(q.costAfter!);
    expect(q.costAfter!).toBeLessThan(q.costBefore! * 0.7);
    expect(result.suggestions.map((s) => s.sql)).toEqual(['create index concurrently if not exists "accounts_bid_aid_abalance_idx" on "public"."accounts" ("bid", "aid", "abalance");']);
  });

  it('adds the other columns the query reads as INCLUDE when that allows an index-only scan', async () => {
    const file = join(dir, 'covering.sql');
    await writeFile(file, 'select issued_on, amount from invoices where customer_id = $1 and issued_on > $2;\n');
    const result = await suggestIndexes({ connectionString: db.url, queries: file });
    const q = result.queries[0]!;
    const keyOnly = q.tried!.find((t) => t.columns === 'customer_id, issued_on' && !t.include)!;
    expect(q.index).toEqual({ schema: 'public', table: 'invoices', columns: ['customer_id', 'issued_on'], include: ['amount'] });
    expect(q.costAfter!).toBeLessThan(keyOnly.cost * 0.9);
    expect(result.suggestions[0]).toMatchObject({
      include: ['amount'],
      sql: 'create index concurrently if not exists "invoices_customer_id_issued_on_incl_idx" on "public"."invoices" ("customer_id", "issued_on") include ("amount");',
      down: 'drop index concurrently if exists "public"."invoices_customer_id_issued_on_incl_idx";',
    });
  });
});
