import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Operation } from '../../src/plan/operation.js';
import { applyOperations, convergeSql, resetDatabase } from '../conformance/harness.js';
import { createDatabase } from '../helpers/databases.js';

type Db = Awaited<ReturnType<typeof createDatabase>>;
let a: Db;
let b: Db;
const exec = async (db: { query: (sql: string) => Promise<unknown> }, sql: string) => {
  await db.query(sql);
};
const sqlOf = (ops: Operation[]) => ops.map((op) => op.sql);
const indexOf = (ops: Operation[], pattern: RegExp) => ops.findIndex((op) => pattern.test(op.sql));

beforeAll(async () => {
  a = await createDatabase('sb_traps_a');
  b = await createDatabase('sb_traps_b');
});
afterAll(async () => {
  await a?.drop();
  await b?.drop();
});
beforeEach(async () => {
  await resetDatabase(a.client);
  await resetDatabase(b.client);
});

async function converge(aSql: string, bSql: string, options = {}) {
  const result = await convergeSql(aSql, bSql, a.client, b.client, exec, options);
  expect(result.afterUp).toEqual([]);
  expect(result.afterDown).toEqual([]);
  return result;
}

describe('diff traps (real PostgreSQL 15, up converges and down restores)', () => {
  it('drops the view before altering a column type it depends on, and recreates it after', async () => {
    const { up } = await converge(
      `create table t (id int primary key, amount int); create view v as select id, amount from t; create view w as select * from v;`,
      `create table t (id int primary key, amount bigint); create view v as select id, amount from t; create view w as select * from v;`,
    );
    const dropW = indexOf(up, /^DROP VIEW "public"."w"/);
    const dropV = indexOf(up, /^DROP VIEW "public"."v"/);
    const alter = indexOf(up, /ALTER COLUMN "amount" TYPE bigint/);
    const createV = indexOf(up, /^CREATE VIEW "public"."v"/);
    const createW = indexOf(up, /^CREATE VIEW "public"."w"/);
    expect(dropW).toBeLessThan(dropV);
    expect(dropV).toBeLessThan(alter);
    expect(alter).toBeLessThan(createV);
    expect(createV).toBeLessThan(createW);
  });

  it('adds an enum value in place while columns use it, keeping the rows', async () => {
    const { up, down } = await converge(
      `create type mood as enum ('sad', 'ok'); create table t (m mood default 'ok'); insert into t values ('sad');`,
      `create type mood as enum ('sad', 'ok', 'happy'); create table t (m mood default 'ok');`,
    );
    expect(sqlOf(up)).toEqual([`ALTER TYPE "public"."mood" ADD VALUE 'happy' AFTER 'ok';`]);
    expect(down.some((op) => op.destructive?.includes("'happy'"))).toBe(true);
    const { rows } = await a.client.query('select m::text from t');
    expect(rows).toEqual([{ m: 'sad' }]);
  });

  it('creates a function before the table whose column default calls it, and drops it after', async () => {
    const fn = `create function next_code() returns text language sql as $$ select 'c-' || floor(random() * 1000)::text $$;`;
    const { up, down } = await converge(`select 1;`, `${fn} create table t (code text default public.next_code());`);
    expect(indexOf(up, /^CREATE OR REPLACE FUNCTION public.next_code/)).toBeLessThan(indexOf(up, /^CREATE TABLE "public"."t"/));
    expect(indexOf(down, /^DROP TABLE "public"."t"/)).toBeLessThan(indexOf(down, /^DROP FUNCTION/));
  });

  it('adds partitions and an index on the partitioned parent', async () => {
    const parent = `create table m (id int, d date not null) partition by range (d);
      create table m_2024 partition of m for values from ('2024-01-01') to ('2025-01-01');`;
    const { up } = await converge(
      parent,
      `${parent} create table m_2025 partition of m for values from ('2025-01-01') to ('2026-01-01'); create index m_d_idx on m (d);`,
    );
    expect(sqlOf(up)).toContain(`CREATE TABLE "public"."m_2025" PARTITION OF "public"."m" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`);
    const index = up.find((op) => op.sql.includes('"m_d_idx"'))!;
    expect(index.transaction).toBe(true);
    expect(index.lock).toMatch(/partitioned/);
  });

  it('replaces a trigger function in place and creates a new trigger after its function', async () => {
    const table = `create table emp (name text, stamp timestamptz);`;
    const fn = (body: string) => `create function stamp() returns trigger language plpgsql as $$ begin ${body}; return new; end $$;`;
    const { up } = await converge(
      `${table} ${fn('new.stamp := now()')} create trigger t1 before insert on emp for each row execute function stamp();`,
      `${table} ${fn('new.stamp := clock_timestamp()')} create trigger t1 before insert on emp for each row execute function stamp();
       create function audit() returns trigger language plpgsql as $$ begin return new; end $$;
       create trigger t2 after insert on emp for each row execute function audit();`,
    );
    expect(sqlOf(up).some((s) => s.startsWith('DROP TRIGGER'))).toBe(false);
    expect(indexOf(up, /FUNCTION public.audit\(\)/)).toBeLessThan(indexOf(up, /^CREATE TRIGGER t2/));
  });

  it('turns columns into identity and generated columns and back', async () => {
    const { up } = await converge(
      `create table t (id int, total int, doubled int, code int default 5);`,
      `create table t (id int generated always as identity, total int, doubled int generated always as (total * 2) stored, code int generated by default as identity);`,
    );
    expect(sqlOf(up)).toContain(`ALTER TABLE "public"."t" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY;`);
    expect(indexOf(up, /"code" DROP DEFAULT/)).toBeLessThan(indexOf(up, /"code" ADD GENERATED BY DEFAULT/));
  });

  it('quotes a hostile enum label and hostile names so they are created exactly', async () => {
    const label = `x'); DROP TABLE foo; --`;
    const literal = label.replaceAll("'", "''");
    const { up } = await converge(
      `create table foo (id int);`,
      `create table foo (id int); create type "we""ird" as enum ('${literal}', 'a\\b'); create table "Tab;le" ("co""l" "we""ird");`,
    );
    expect(sqlOf(up)).toContain(`CREATE TYPE "public"."we""ird" AS ENUM ('x''); DROP TABLE foo; --', E'a\\\\b');`);
    await applyOperations(a.client, up);
    const { rows } = await a.client.query(`select enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid where t.typname = 'we"ird' order by enumsortorder`);
    expect(rows.map((r: { enumlabel: string }) => r.enumlabel)).toEqual([label, 'a\\b']);
  });

  it('adds foreign keys and checks NOT VALID then VALIDATE, and SET NOT NULL through a validated check', async () => {
    const base = `create table p (id int primary key); create table c (id int, p_id int, n int);`;
    const { up } = await converge(base, `create table p (id int primary key); create table c (id int not null, p_id int references p, n int check (n > 0));`);
    expect(sqlOf(up)).toEqual(
      expect.arrayContaining([
        `ALTER TABLE "public"."c" ADD CONSTRAINT "c_p_id_fkey" FOREIGN KEY (p_id) REFERENCES public.p(id) NOT VALID;`,
        `ALTER TABLE "public"."c" VALIDATE CONSTRAINT "c_p_id_fkey";`,
        `ALTER TABLE "public"."c" ADD CONSTRAINT "id_sb_not_null" CHECK ("id" IS NOT NULL) NOT VALID;`,
        `ALTER TABLE "public"."c" ALTER COLUMN "id" SET NOT NULL;`,
      ]),
    );
    expect(indexOf(up, /VALIDATE CONSTRAINT "id_sb_not_null"/)).toBeLessThan(indexOf(up, /SET NOT NULL/));
  });

  it('builds indexes on existing tables CONCURRENTLY, outside a transaction', async () => {
    const { up } = await converge(`create table t (a int);`, `create table t (a int); create index t_a on t (a);`);
    expect(up).toEqual([expect.objectContaining({ sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS "t_a" ON "public"."t" USING btree (a);`, transaction: false })]);
  });

  it('suggests a likely column rename, and with --rename keeps the data', async () => {
    const aSql = `create table users (id int, fullname text); insert into users values (1, 'Ada');`;
    const bSql = `create table users (id int, full_name text);`;
    const { up } = await converge(aSql, bSql, { renames: ['users.fullname:full_name'], reverseRenames: ['public.users.full_name:fullname'] });
    expect(sqlOf(up)).toEqual([`ALTER TABLE "public"."users" RENAME COLUMN "fullname" TO "full_name";`]);
    await resetDatabase(a.client);
    await resetDatabase(b.client);
    const plain = await converge(aSql, bSql);
    expect(plain.up.some((op) => op.destructive?.includes('fullname'))).toBe(true);
  });
});

describe('comments', () => {
  it('comments new and existing columns, tables and views', async () => {
    const { up } = await converge(
      `create table t (a int); create view v as select a from t;`,
      `create table t (a int, b int); comment on table t is 'T''s'; comment on column t.a is 'A'; comment on column t.b is 'B';
       create view v as select a from t; comment on view v is 'V';`,
    );
    expect(up.filter((op) => op.kind === 'comment').map((op) => op.sql).sort()).toEqual([
      `COMMENT ON COLUMN "public"."t"."a" IS 'A';`,
      `COMMENT ON COLUMN "public"."t"."b" IS 'B';`,
      `COMMENT ON TABLE "public"."t" IS 'T''s';`,
      `COMMENT ON VIEW "public"."v" IS 'V';`,
    ]);
  });
});
