import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MigratorError } from '../../src/index.js';
import { createTestDatabase, migrationsDir, withClient } from '../helpers/databases.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase('apply');
});
afterAll(async () => db?.drop());

const USERS = `-- migrate:up
create table users (id bigint primary key, email text not null);
insert into users values (1, 'a@x'), (2, 'b@x');
-- migrate:down
drop table users;
`;
const ORDERS = `-- migrate:up
create table orders (id bigint primary key, user_id bigint not null references users(id));
-- migrate:down
drop table orders;
`;
const tables = (url: string) =>
  withClient(url, async (c) => (await c.query<{ t: string }>(`select string_agg(tablename, ',' order by tablename) as t from pg_tables where schemaname = 'public'`)).rows[0]?.t ?? '');

async function freshSchema(): Promise<void> {
  await withClient(db.url, (c) => c.query('drop schema public cascade; create schema public'));
}

describe('migrate', () => {
  it('applies pending migrations in order, records them, and applies nothing the second time', async () => {
    await freshSchema();
    const dir = await migrationsDir({ '20260101000000_users.sql': USERS, '20260102000000_orders.sql': ORDERS });
    const first = await migrate({ path: dir.dir, connectionString: db.url });
    expect(first.failure).toBeUndefined();
    expect(first.migrations.map((m) => [m.fileName, m.status])).toEqual([
      ['20260101000000_users.sql', 'applied'],
      ['20260102000000_orders.sql', 'applied'],
    ]);
    expect(first.migrations[0]!.statements[1]).toMatchObject({ command: 'INSERT', rows: 2, location: '20260101000000_users.sql:3' });
    const rows = await withClient(db.url, async (c) => (await c.query('select version, name, checksum, duration_ms, complete from public.sb_schema_migrations order by version')).rows);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ version: '20260101000000', name: '20260101000000_users.sql', complete: true });
    expect(rows[0]!['checksum']).toMatch(/^[0-9a-f]{64}$/);
    const second = await migrate({ path: dir.dir, connectionString: db.url });
    expect(second.migrations).toEqual([]);
    expect(second.alreadyApplied).toBe(2);
    await dir.remove();
  });

  it('refuses an applied migration whose file changed, showing both checksums', async () => {
    await freshSchema();
    const dir = await migrationsDir({ '20260101000000_users.sql': USERS });
    await migrate({ path: dir.dir, connectionString: db.url });
    await dir.add('20260101000000_users.sql', USERS.replace('email text', 'mail text'));
    const error = (await migrate({ path: dir.dir, connectionString: db.url }).catch((e: unknown) => e)) as MigratorError;
    expect(error.code).toBe('MIGRATOR_CHECKSUM_MISMATCH');
    expect(error.message).toMatch(/20260101000000_users\.sql: applied [0-9a-f]{64}, file now [0-9a-f]{64}/);
    await dir.remove();
  });

  it('rejects a syntax error with file:line before anything runs, in dry-run and real run', async () => {
    await freshSchema();
    const dir = await migrationsDir({
      '20260101000000_users.sql': USERS,
      '20260102000000_broken.sql': '-- migrate:up\ncreate table a (id int);\n\ncreate tabel b (id int);\n-- migrate:down\n',
    });
    for (const dryRun of [true, false]) {
      const error = (await migrate({ path: dir.dir, connectionString: db.url, dryRun }).catch((e: unknown) => e)) as MigratorError;
      expect(error.code).toBe('MIGRATOR_INVALID_MIGRATION');
      expect(error.message).toMatch(/^20260102000000_broken\.sql:4: syntax error at or near "tabel"/);
    }
    expect(await tables(db.url)).toBe('');
    await dir.remove();
  });

  it('rolls a failing migration back, leaves the tracking table unchanged and reports statement, error and position', async () => {
    await freshSchema();
    const dir = await migrationsDir({
      '20260101000000_users.sql': USERS,
      '20260102000000_dupe.sql': '-- migrate:up\ncreate table audit (id int);\ninsert into users values (1, \'dup@x\');\n-- migrate:down\ndrop table audit;\n',
    });
    const result = await migrate({ path: dir.dir, connectionString: db.url });
    expect(result.migrations.map((m) => m.status)).toEqual(['applied', 'failed']);
    expect(result.failure).toMatchObject({
      fileName: '20260102000000_dupe.sql',
      location: '20260102000000_dupe.sql:3',
      statement: "insert into users values (1, 'dup@x')",
      rolledBack: true,
      error: { code: '23505' },
    });
    expect(result.failure!.error.message).toMatch(/duplicate key value violates unique constraint "users_pkey"/);
    expect(await tables(db.url)).toBe('sb_schema_migrations,users');
    const versions = await withClient(db.url, async (c) => (await c.query('select version from sb_schema_migrations')).rows.map((r) => r['version']));
    expect(versions).toEqual(['20260101000000']);
    await dir.remove();
  });

  it('refuses duplicate timestamps and a pending migration older than the newest applied one', async () => {
    await freshSchema();
    const dupes = await migrationsDir({ '20260101000000_a.sql': USERS, '20260101000000_b.sql': ORDERS });
    const dupe = (await migrate({ path: dupes.dir, connectionString: db.url }).catch((e: unknown) => e)) as MigratorError;
    expect(dupe.code).toBe('MIGRATOR_MIGRATION_ORDER');
    expect(dupe.message).toBe('duplicate migration timestamp 20260101000000: 20260101000000_a.sql and 20260101000000_b.sql; give one of them a new timestamp');
    await dupes.remove();
    const dir = await migrationsDir({ '20260102000000_users.sql': USERS });
    await migrate({ path: dir.dir, connectionString: db.url });
    await dir.add('20260101000000_orders.sql', ORDERS);
    const gap = (await migrate({ path: dir.dir, connectionString: db.url }).catch((e: unknown) => e)) as MigratorError;
    expect(gap.code).toBe('MIGRATOR_MIGRATION_ORDER');
    expect(gap.message).toMatch(/20260101000000_orders\.sql is older than the newest applied migration \(20260102000000\)/);
    await dir.remove();
  });

  it('runs a transaction:false migration statement by statement and rolls it back with --down', async () => {
    await freshSchema();
    const dir = await migrationsDir({
      '20260101000000_users.sql': USERS,
      '20260102000000_idx.sql':
        '-- migrate:up transaction:false\ncreate index concurrently if not exists users_email_idx on users (email);\n-- migrate:down transaction:false\ndrop index concurrently if exists users_email_idx;\n',
    });
    const up = await migrate({ path: dir.dir, connectionString: db.url });
    expect(up.migrations[1]).toMatchObject({ status: 'applied', transaction: false });
    const indexes = () => withClient(db.url, async (c) => (await c.query(`select indexname from pg_indexes where tablename = 'users' order by 1`)).rows.map((r) => r['indexname']));
    expect(await indexes()).toEqual(['users_email_idx', 'users_pkey']);
    const down = await migrate({ path: dir.dir, connectionString: db.url, down: 1 });
    expect(down.migrations.map((m) => [m.fileName, m.status])).toEqual([['20260102000000_idx.sql', 'reverted']]);
    expect(await indexes()).toEqual(['users_pkey']);
    const versions = await withClient(db.url, async (c) => (await c.query('select version from sb_schema_migrations')).rows.length);
    expect(versions).toBe(1);
    await dir.remove();
  });

  it('applies each migration exactly once when two runners start together', async () => {
    await freshSchema();
    const files: Record<string, string> = {
      '20260101000000_log.sql': '-- migrate:up\ncreate table run_log (migration text);\n-- migrate:down\ndrop table run_log;\n',
    };
    for (let i = 1; i <= 5; i++) {
      files[`2026010200000${i}_step.sql`] = `-- migrate:up\ninsert into run_log values ('${i}');\nselect pg_sleep(0.05);\n-- migrate:down\ndelete from run_log where migration = '${i}';\n`;
    }
    const dir = await migrationsDir(files);
    const [a, b] = await Promise.all([
      migrate({ path: dir.dir, connectionString: db.url }),
      migrate({ path: dir.dir, connectionString: db.url }),
    ]);
    expect(a.migrations.length + b.migrations.length).toBe(6);
    expect(Math.min(a.migrations.length, b.migrations.length)).toBe(0);
    const log = await withClient(db.url, async (c) => (await c.query('select migration, count(*)::int as n from run_log group by 1 order by 1')).rows);
    expect(log).toEqual([1, 2, 3, 4, 5].map((i) => ({ migration: String(i), n: 1 })));
    await dir.remove();
  });

  it('gives up on a lock after lock_timeout, rolls back and reports lock_not_available', async () => {
    await freshSchema();
    const dir = await migrationsDir({ '20260101000000_users.sql': USERS });
    await migrate({ path: dir.dir, connectionString: db.url });
    await dir.add('20260102000000_alter.sql', '-- migrate:up\nalter table users add column nickname text;\n-- migrate:down\nalter table users drop column nickname;\n');
    await withClient(db.url, async (holder) => {
      await holder.query('begin; select * from users');
      const result = await migrate({ path: dir.dir, connectionString: db.url, lockTimeout: '200ms' });
      await holder.query('rollback');
      expect(result.failure).toMatchObject({ location: '20260102000000_alter.sql:2', rolledBack: true, error: { code: '55P03', message: 'canceling statement due to lock timeout' } });
    });
    const error = (await migrate({ path: dir.dir, connectionString: db.url, lockTimeout: 'soon' }).catch((e: unknown) => e)) as MigratorError;
    expect(error.message).toBe('lockTimeout: "soon" is not a duration (e.g. 5s, 500ms, 2min, 0 for none)');
    await dir.remove();
  });

  it('gives up waiting for another runner\'s lock after lockWait, naming the session that holds it', async () => {
    await freshSchema();
    const dir = await migrationsDir({ '20260101000000_users.sql': USERS });
    await withClient(`${db.url}?application_name=other-runner`, async (holder) => {
      await holder.query(`select pg_advisory_lock(${0x73620001}, hashtext('"public"."sb_schema_migrations"'))`);
      const pid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      const error = (await migrate({ path: dir.dir, connectionString: db.url, lockWait: '300ms' }).catch((e: unknown) => e)) as MigratorError;
      expect(error.code).toBe('MIGRATOR_LOCKED');
      expect(error.message).toBe(`another runner holds the migration lock on "public"."sb_schema_migrations" by pid ${pid} (other-runner); gave up waiting after 300ms. Let it finish, or stop it`);
    });
    expect(await tables(db.url)).toBe('');
    await dir.remove();
  });
});
