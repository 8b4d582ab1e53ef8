import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSchemas, introspect, migrate, MigratorError } from '../../src/index.js';
import { createDatabase } from '../helpers/databases.js';
import { roundTrip } from './round-trip.js';

/**
 * One case of our own per failure group seen on the 414-case suite: diff, write the files, `migrate` them
 * on real PostgreSQL, re-diff (empty), migrate down, re-diff against the original (empty).
 */
let a: Awaited<ReturnType<typeof createDatabase>>;
let b: Awaited<ReturnType<typeof createDatabase>>;
beforeAll(async () => {
  a = await createDatabase('sb_groups_a');
  b = await createDatabase('sb_groups_b');
});
afterAll(async () => {
  await a?.drop();
  await b?.drop();
});

/** A real migration was written, applying it converged to the target, and down restored the original. */
const CONVERGED = { identical: false, afterUp: [], afterDown: [] };
const outcome = (r: { plan: { identical: boolean }; afterUp: string[]; afterDown: string[] }) => ({ identical: r.plan.identical, afterUp: r.afterUp, afterDown: r.afterDown });
const converges = async (from: string, to: string) => outcome(await roundTrip(a, b, from, to));

describe('silent misses', () => {
  it('changes the sequence options of an identity column (CACHE, START, INCREMENT)', async () => {
    const r = await roundTrip(a, b, 
      `create table t (id int generated always as identity (cache 5), v text);`,
      `create table t (id int generated always as identity (start with 10 increment by 2 cache 6), v text);`,
    );
    expect(outcome(r)).toEqual(CONVERGED);
    expect(r.plan.upSql).toMatch(/ALTER COLUMN "id" SET START WITH 10 SET INCREMENT BY 2 .* SET CACHE 6 SET NO CYCLE;/);
  });

  it('changes REPLICA IDENTITY (FULL, USING INDEX, back to DEFAULT)', async () => {
    expect(await converges(`create table t (id int primary key, v text not null);`, `create table t (id int primary key, v text not null); alter table t replica identity full;`)).toEqual(CONVERGED);
    expect(await converges(
      `create table t (id int primary key, v text not null); create unique index t_v on t (v);`,
      `create table t (id int primary key, v text not null); create unique index t_v on t (v); alter table t replica identity using index t_v;`,
    )).toEqual(CONVERGED);
  });
});

describe('owned sequences', () => {
  it('changes OWNED BY with ALTER SEQUENCE instead of creating the sequence again', async () => {
    const r = await roundTrip(a, b, 
      `create sequence "foobar sequence"; create table t (id int default nextval('"foobar sequence"'));`,
      `create sequence "foobar sequence"; create table t (id int default nextval('"foobar sequence"')); alter sequence "foobar sequence" owned by t.id;`,
    );
    expect(outcome(r)).toEqual(CONVERGED);
    expect(r.plan.upSql).not.toMatch(/CREATE SEQUENCE/);
  });
});

describe('ordering', () => {
  it('creates a function before the SQL-standard function that calls it (pg_depend order, not name order)', async () => {
    expect(await converges(
      ``,
      `create function b_inner() returns int language sql immutable return 1;
       create function a_outer() returns int language sql immutable return b_inner() + 1;`,
    )).toEqual(CONVERGED);
  });

  it('creates the unique index a new foreign key needs before the foreign key', async () => {
    expect(await converges(
      `create table r (id int not null); create table t (rid int);`,
      `create table r (id int not null); create unique index r_id on r (id); create table t (rid int references r (id));`,
    )).toEqual(CONVERGED);
  });
});

describe('enums', () => {
  it('commits ALTER TYPE … ADD VALUE before a statement of the same migration uses the new value', async () => {
    expect(await converges(`create type mood as enum ('sad', 'ok'); create table t (m mood);`, `create type mood as enum ('sad', 'ok', 'happy'); create table t (m mood default 'happy');`)).toEqual(CONVERGED);
  });
});

describe('type changes', () => {
  it('changes bigint to timestamp (and back) with a USING cast', async () => {
    expect(await converges(`create table t (at bigint);`, `create table t (at timestamp);`)).toEqual(CONVERGED);
  });
});

describe('extensions', () => {
  it('says in the down section that an extension has no downgrade path instead of writing SQL that fails', async () => {
    const r = await roundTrip(a, b, `create extension pg_trgm version '1.5';`, `create extension pg_trgm version '1.6';`);
    expect(r.afterUp).toEqual([]);
    expect(r.plan.downSql).toMatch(/-- extension pg_trgm has no update path from version 1\.6 to 1\.5 on this server: left at 1\.6/);
  });
});

describe('partitions', () => {
  const base = `create table p (id int not null, k int not null, v text) partition by range (k);
    create table p1 partition of p for values from (0) to (10);
    create table p2 partition of p for values from (10) to (20);`;

  it('builds a parent index ON ONLY and attaches the partitions\' indexes; a parent primary key likewise', async () => {
    expect(await converges(base, `${base} create index p_v on p (v); alter table p add primary key (id, k);`)).toEqual(CONVERGED);
  });

  it('adds a partition-local primary key and unique constraint', async () => {
    expect(await converges(base, `${base} alter table p1 add primary key (id); alter table p2 add constraint p2_v unique (v);`)).toEqual(CONVERGED);
  });

  it('sets and drops NOT NULL on a partitioned table\'s column', async () => {
    expect(await converges(base, base.replace('v text', 'v text not null'))).toEqual(CONVERGED);
  });

  it('adds a foreign key on a partitioned table (PostgreSQL cannot add it NOT VALID)', async () => {
    const r = `create table r (id int primary key); `;
    expect(await converges(r + base, `${r}${base} alter table p add constraint p_id_fk foreign key (id) references r (id);`)).toEqual(CONVERGED);
  });

  it('drops a partition that cloned foreign keys reference', async () => {
    const ref = `${base} alter table p add primary key (id, k); create table c (id int, k int, foreign key (id, k) references p (id, k));`;
    expect(await converges(ref, ref.replace('create table p2 partition of p for values from (10) to (20);', ''))).toEqual(CONVERGED);
  });

  it('refuses a partition key change, naming the table', async () => {
    const error = await roundTrip(a, b, base, base.replace('partition by range (k)', 'partition by range (id)')).catch((e: unknown) => e);
    expect(MigratorError.is(error) && error.code).toBe('MIGRATOR_UNSUPPORTED_CHANGE');
    expect((error as Error).message).toMatch(/^public\.p: PostgreSQL cannot change a partition key in place \(PARTITION BY RANGE \(k\) → RANGE \(id\)\)/);
  });

  it('moves a partition to a new parent: DETACH before the old parent is dropped', async () => {
    expect(await converges(base, base.replaceAll(' p ', ' q ').replace('table p ', 'table q ').replaceAll('partition of p', 'partition of q'))).toEqual(CONVERGED);
  });
});

describe('own tracking table', () => {
  it('never proposes to drop sb_schema_migrations (or the --tracking-table) after sb db migrate', async () => {
    const r = await roundTrip(a, b, `create table t (id int);`, `create table t (id int, v text);`);
    expect(outcome(r)).toEqual(CONVERGED);
    expect(r.files).toHaveLength(1);
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const dir = await mkdtemp(`${(await import('node:os')).tmpdir()}/sb-tracking-`);
    await writeFile(`${dir}/20260101000000_x.sql`, '-- migrate:up\ncreate table x (id int);\n-- migrate:down\ndrop table x;\n');
    const trackingTable = { schema: 'ops', table: 'applied' };
    expect((await migrate({ path: dir, connectionString: a.url, trackingTable })).failure).toBeUndefined();
    const applied = await introspect(a.client, { trackingTable });
    expect(applied.schemas).not.toContain('ops');
    const plan = await diffSchemas({ from: { snapshot: applied }, to: { snapshot: await introspect(a.client, { trackingTable }) } });
    expect(plan.identical).toBe(true);
    const withDefault = await introspect(a.client);
    expect(withDefault.tables.map((t) => `${t.schema}.${t.name}`)).toContain('ops.applied');
    expect(withDefault.tables.map((t) => `${t.schema}.${t.name}`)).not.toContain('public.sb_schema_migrations');
  });
});
