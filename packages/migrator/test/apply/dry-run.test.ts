import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/index.js';
import { createTestDatabase, migrationsDir, withClient } from '../helpers/databases.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase('dryrun');
  await withClient(db.url, (c) =>
    c.query(`create table orders (id bigint primary key, status text not null);
             insert into orders select g, 'new' from generate_series(1, 50) g;`),
  );
});
afterAll(async () => db?.drop());

/** Tables, columns, indexes and the tracking table: what a dry run must leave as it was. */
const fingerprint = (url: string) =>
  withClient(url, async (c) => {
    const { rows } = await c.query(`
      select (select string_agg(table_name || '.' || column_name || ':' || data_type, ',' order by table_name, column_name)
                from information_schema.columns where table_schema = 'public') as columns,
             (select string_agg(indexname, ',' order by indexname) from pg_indexes where schemaname = 'public') as indexes,
             to_regclass('public.sb_schema_migrations')::text as tracking,
             (select count(*) from orders where status = 'new')::int as new_orders`);
    return rows[0];
  });

describe('dry-run', () => {
  it('reports rows, locks and time per statement, marks CONCURRENTLY as not dry-runnable, and persists nothing', async () => {
    const before = await fingerprint(db.url);
    const dir = await migrationsDir({
      '20260101000000_ship.sql': `-- migrate:up
alter table orders add column shipped_at timestamptz;
update orders set status = 'shipped' where id <= 20;
-- migrate:down
alter table orders drop column shipped_at;
`,
      '20260102000000_idx.sql': `-- migrate:up transaction:false
create index concurrently orders_status_idx on orders (status);
-- migrate:down transaction:false
drop index concurrently if exists orders_status_idx;
`,
    });
    const result = await migrate({ path: dir.dir, connectionString: db.url, dryRun: true });
    expect(result.failure).toBeUndefined();
    expect(result.dryRun).toBe(true);
    const [ship, idx] = result.migrations;
    expect(ship!.status).toBe('dry-run');
    expect(ship!.statements[0]).toMatchObject({ status: 'ok', command: 'ALTER', location: '20260101000000_ship.sql:2' });
    expect(ship!.statements[0]!.locks).toContainEqual({ mode: 'AccessExclusiveLock', label: 'ACCESS EXCLUSIVE', relation: 'public.orders' });
    expect(ship!.statements[1]).toMatchObject({ status: 'ok', command: 'UPDATE', rows: 20 });
    expect(typeof ship!.statements[1]!.durationMs).toBe('number');
    expect(idx!.statements[0]).toMatchObject({ status: 'not-dry-runnable', location: '20260102000000_idx.sql:2' });
    expect(idx!.statements[0]!.notes.join(' ')).toMatch(/CREATE INDEX CONCURRENTLY cannot run inside a transaction block/);
    expect(idx!.statements[0]!.notes.join(' ')).toMatch(/without IF NOT EXISTS/);
    expect(await fingerprint(db.url)).toEqual(before);
    expect(before!['tracking']).toBeNull();
    await dir.remove();
  });

  it('reports a statement that would fail with its file:line and PostgreSQL error', async () => {
    const dir = await migrationsDir({
      '20260101000000_bad.sql': '-- migrate:up\nalter table orders add column note text;\nalter table orders alter column nope set not null;\n-- migrate:down\n',
    });
    const result = await migrate({ path: dir.dir, connectionString: db.url, dryRun: true });
    expect(result.failure).toMatchObject({ location: '20260101000000_bad.sql:3', error: { code: '42703' } });
    expect(result.failure!.error.message).toBe('column "nope" of relation "orders" does not exist');
    const columns = await withClient(db.url, async (c) => (await c.query(`select column_name from information_schema.columns where table_name = 'orders' order by 1`)).rows.map((r) => r['column_name']));
    expect(columns).toEqual(['id', 'status']);
    await dir.remove();
  });

  it('checks the table and columns of CREATE INDEX CONCURRENTLY, which it cannot run', async () => {
    const dir = await migrationsDir({
      '20260101000000_idx.sql': '-- migrate:up transaction:false\ncreate index concurrently if not exists orders_status_idx on orders (status);\ncreate index concurrently if not exists orders_nope_idx on orders (nope);\n-- migrate:down transaction:false\n',
    });
    const result = await migrate({ path: dir.dir, connectionString: db.url, dryRun: true });
    expect(result.migrations[0]!.statements[0]).toMatchObject({ status: 'not-dry-runnable' });
    expect(result.migrations[0]!.statements[0]!.notes).toContain('checked: the table and columns exist');
    expect(result.failure).toMatchObject({ location: '20260101000000_idx.sql:3', error: { message: 'column "nope" does not exist in "orders"' } });
    await dir.remove();
  });
});
