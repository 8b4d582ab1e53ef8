import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, hasFindingsAtOrAbove, migrate, type AnalyzeResult } from '../../src/index.js';
import { createTestDatabase, withClient } from '../helpers/databases.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let result: AnalyzeResult;
const HOSTILE = 'we"ird; drop table x; --';

beforeAll(async () => {
  db = await createTestDatabase('analyze');
  await withClient(db.url, async (c) => {
    await c.query(`
      create table accounts (id serial primary key, email text not null, region text, created_at timestamptz);
      create index accounts_email_idx on accounts (email);
      create index accounts_email_dup on accounts (email);
      create index accounts_region_created_idx on accounts (region, created_at);
      create index accounts_region_idx on accounts (region);
      create table events (event_id integer not null, payload text);
      create unique index events_event_id_key on events (event_id);
      create table legacy (id integer primary key, code text);
      insert into legacy values (1800000000, 'a');
      create table "${HOSTILE.replace(/"/g, '""')}" (id bigint primary key, account_id integer references accounts (id));
      create table ledger (id bigint primary key, account_id integer not null);
      insert into accounts (email) values ('a@x'), ('b@x');
      insert into ledger values (1, 999);
      alter table ledger add constraint ledger_account_fk foreign key (account_id) references accounts (id) not valid;
      select setval('accounts_id_seq', 1900000000);
      create table dupes (v int);
      insert into dupes values (1), (1);`);
    await c.query('create unique index concurrently dupes_v_key on dupes (v)').catch(() => undefined);
  });
  result = await analyze({ connectionString: db.url });
});
afterAll(async () => db?.drop());

const of = (check: string) => result.findings.filter((f) => f.check === check);

describe('analyze checks', () => {
  it('says how to enable pg_stat_statements when it is missing, and runs the other checks', () => {
    expect(result.pgStatStatements.available).toBe(false);
    expect(result.pgStatStatements.howToEnable).toMatch(/CREATE EXTENSION pg_stat_statements/);
    expect(result.checks.find((c) => c.id === 'n-plus-one')).toMatchObject({ ran: false, skipped: 'pg_stat_statements is not available' });
    expect(result.checks.find((c) => c.id === 'fk-without-index')).toMatchObject({ ran: true });
  });

  it('finds exact duplicate and redundant prefix indexes, with drop and recreate SQL', () => {
    const titles = of('duplicate-index').map((f) => f.title).sort();
    expect(titles).toEqual([
      'accounts_email_idx (email) is a duplicate of accounts_email_dup (email)',
      'accounts_region_idx (region) is covered by accounts_region_created_idx (region, created_at)',
    ]);
    const dup = of('duplicate-index').find((f) => f.object === 'public.accounts_region_idx')!;
    expect(dup.fix).toMatchObject({
      sql: 'drop index concurrently if exists "public"."accounts_region_idx";',
      down: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_region_idx ON public.accounts USING btree (region);',
      migratable: true,
    });
  });

  it('finds unused non-unique indexes but never primary keys or unique indexes', () => {
    const objects = of('unused-index').map((f) => f.object);
    expect(objects).toContain('public.accounts_region_idx');
    expect(objects).not.toContain('public.accounts_pkey');
    expect(objects).not.toContain('public.events_event_id_key');
  });

  it('finds the invalid index left by a failed CREATE INDEX CONCURRENTLY', () => {
    expect(of('invalid-index').map((f) => [f.object, f.fix?.sql])).toEqual([['public.dupes_v_key', 'reindex index concurrently "public"."dupes_v_key";']]);
  });

  it('finds tables without a primary key, promoting a unique NOT NULL index when there is one', () => {
    const events = of('missing-primary-key').find((f) => f.object === 'public.events')!;
    expect(events.fix!.sql).toBe('alter table "public"."events" add constraint "events_pkey" primary key using index "events_event_id_key";');
    expect(of('missing-primary-key').map((f) => f.object).sort()).toEqual(['public.dupes', 'public.events']);
  });

  it('finds a serial int4 key and an int4 key without a sequence near exhaustion', () => {
    const seq = of('sequence-exhaustion');
    expect(seq.find((f) => f.object === 'public.accounts.id')).toMatchObject({ severity: 'high', evidence: { lastValue: 1900000000, maxValue: 2147483647, valuesLeft: 247483647 } });
    expect(seq.find((f) => f.object === 'public.legacy.id')).toMatchObject({ severity: 'high', evidence: { type: 'integer', lastValue: 1800000000 } });
    expect(seq.find((f) => f.object === 'public.accounts.id')!.fix!.sql).toContain('alter table "public"."accounts" alter column "id" type bigint;');
  });

  it('finds NOT VALID constraints and quotes hostile names in every fix', () => {
    expect(of('invalid-constraint').map((f) => f.fix?.sql)).toEqual(['alter table "public"."ledger" validate constraint "ledger_account_fk";']);
    const hostile = of('fk-without-index').find((f) => f.object === `public.${HOSTILE}`)!;
    expect(hostile.fix!.sql).toBe(`create index concurrently if not exists "we_ird_drop_table_x_account_id_idx" on "public"."we""ird; drop table x; --" ("account_id");`);
  });

  it('fails a --fail-on threshold only when a finding at or above it exists', () => {
    expect(hasFindingsAtOrAbove(result, 'high')).toBe(true);
    expect(hasFindingsAtOrAbove({ ...result, findings: result.findings.filter((f) => f.severity === 'low') }, 'medium')).toBe(false);
  });

  it('writes the migratable fixes as a migration that applies and rolls back cleanly', async () => {
    const out = await mkdtemp(join(tmpdir(), 'sb-analyze-out-'));
    await withClient(db.url, (c) => c.query('delete from ledger; drop table dupes'));
    const fixed = await analyze({ connectionString: db.url, output: out, checks: ['fk-without-index', 'duplicate-index', 'invalid-constraint'] });
    const text = await readFile(fixed.migration!, 'utf8');
    expect(text).toMatch(/^-- Written by `sb db analyze`/);
    expect(text).toContain('-- migrate:up transaction:false');
    const up = await migrate({ path: out, connectionString: db.url });
    expect(up.failure).toBeUndefined();
    const again = await analyze({ connectionString: db.url, checks: ['fk-without-index', 'duplicate-index', 'invalid-constraint'] });
    expect(again.findings).toEqual([]);
    const down = await migrate({ path: out, connectionString: db.url, down: 1 });
    expect(down.failure).toBeUndefined();
    const reverted = await analyze({ connectionString: db.url, checks: ['fk-without-index', 'duplicate-index'] });
    expect(reverted.findings.map((f) => f.check).sort()).toEqual(['duplicate-index', 'duplicate-index', 'fk-without-index', 'fk-without-index']);
    await rm(out, { recursive: true, force: true });
  });
});

describe('live activity checks', () => {
  it('reports a session blocked by another session\'s lock, naming the blocker', async () => {
    await withClient(db.url, async (holder) => {
      await holder.query('begin; lock table legacy in access exclusive mode');
      const waiter = withClient(db.url, (c) => c.query('select count(*) from legacy'));
      try {
        let found: AnalyzeResult | undefined;
        for (let i = 0; i < 50 && !found?.findings.length; i++) {
          await new Promise((r) => setTimeout(r, 100));
          found = await analyze({ connectionString: db.url, checks: ['blocked-query'] });
        }
        const pid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
        expect(found!.findings).toMatchObject([{ check: 'blocked-query', evidence: { blockedBy: String(pid), query: 'select count(*) from legacy' } }]);
      } finally {
        await holder.query('rollback');
        await waiter;
      }
    });
  });
});
