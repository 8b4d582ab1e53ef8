import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const converges = async (from: string, to: string) => {
  const r = await roundTrip(a, b, from, to);
  expect({ identical: r.plan.identical, afterUp: r.afterUp, afterDown: r.afterDown }).toEqual({ identical: false, afterUp: [], afterDown: [] });
  return r;
};

describe('silent misses', () => {
  it('changes the sequence options of an identity column (CACHE, START, INCREMENT)', async () => {
    const r = await converges(
      `create table t (id int generated always as identity (cache 5), v text);`,
      `create table t (id int generated always as identity (start with 10 increment by 2 cache 6), v text);`,
    );
    expect(r.plan.upSql).toMatch(/ALTER COLUMN "id" SET START WITH 10 SET INCREMENT BY 2 .* SET CACHE 6 SET NO CYCLE;/);
  });

  it('changes REPLICA IDENTITY (FULL, USING INDEX, back to DEFAULT)', async () => {
    await converges(`create table t (id int primary key, v text not null);`, `create table t (id int primary key, v text not null); alter table t replica identity full;`);
    await converges(
      `create table t (id int primary key, v text not null); create unique index t_v on t (v);`,
      `create table t (id int primary key, v text not null); create unique index t_v on t (v); alter table t replica identity using index t_v;`,
    );
  });
});

describe('owned sequences', () => {
  it('changes OWNED BY with ALTER SEQUENCE instead of creating the sequence again', async () => {
    const r = await converges(
      `create sequence "foobar sequence"; create table t (id int default nextval('"foobar sequence"'));`,
      `create sequence "foobar sequence"; create table t (id int default nextval('"foobar sequence"')); alter sequence "foobar sequence" owned by t.id;`,
    );
    expect(r.plan.upSql).not.toMatch(/CREATE SEQUENCE/);
  });
});

describe('ordering', () => {
  it('creates a function before the SQL-standard function that calls it (pg_depend order, not name order)', async () => {
    await converges(
      ``,
      `create function b_inner() returns int language sql immutable return 1;
       create function a_outer() returns int language sql immutable return b_inner() + 1;`,
    );
  });

  it('creates the unique index a new foreign key needs before the foreign key', async () => {
    await converges(
      `create table r (id int not null); create table t (rid int);`,
      `create table r (id int not null); create unique index r_id on r (id); create table t (rid int references r (id));`,
    );
  });
});

describe('enums', () => {
  it('commits ALTER TYPE … ADD VALUE before a statement of the same migration uses the new value', async () => {
    await converges(`create type mood as enum ('sad', 'ok'); create table t (m mood);`, `create type mood as enum ('sad', 'ok', 'happy'); create table t (m mood default 'happy');`);
  });
});

describe('type changes', () => {
  it('changes bigint to timestamp (and back) with a USING cast', async () => {
    await converges(`create table t (at bigint);`, `create table t (at timestamp);`);
  });
});

describe('extensions', () => {
  it('says in the down section that an extension has no downgrade path instead of writing SQL that fails', async () => {
    const r = await roundTrip(a, b, `create extension pg_trgm version '1.5';`, `create extension pg_trgm version '1.6';`);
    expect(r.afterUp).toEqual([]);
    expect(r.plan.downSql).toMatch(/no downgrade path/);
  });
});

describe('partitions', () => {
  const base = `create table p (id int not null, k int not null, v text) partition by range (k);
    create table p1 partition of p for values from (0) to (10);
    create table p2 partition of p for values from (10) to (20);`;

  it('builds a parent index ON ONLY and attaches the partitions\' indexes; a parent primary key likewise', async () => {
    await converges(base, `${base} create index p_v on p (v); alter table p add primary key (id, k);`);
  });

  it('adds a partition-local primary key and unique constraint', async () => {
    await converges(base, `${base} alter table p1 add primary key (id); alter table p2 add constraint p2_v unique (v);`);
  });

  it('sets and drops NOT NULL on a partitioned table\'s column', async () => {
    await converges(base, base.replace('v text', 'v text not null'));
  });

  it('adds a foreign key on a partitioned table (PostgreSQL cannot add it NOT VALID)', async () => {
    const r = `create table r (id int primary key); `;
    await converges(r + base, `${r}${base} alter table p add constraint p_id_fk foreign key (id) references r (id);`);
  });

  it('drops a partition that cloned foreign keys reference', async () => {
    const ref = `${base} alter table p add primary key (id, k); create table c (id int, k int, foreign key (id, k) references p (id, k));`;
    await converges(ref, ref.replace('create table p2 partition of p for values from (10) to (20);', ''));
  });

  it('moves a partition to a new parent: DETACH before the old parent is dropped', async () => {
    await converges(base, base.replaceAll(' p ', ' q ').replace('table p ', 'table q ').replaceAll('partition of p', 'partition of q'));
  });
});
