import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrationStatus } from '../../src/index.js';
import { createTestDatabase, migrationsDir, withClient } from '../helpers/databases.js';

const CHILD = fileURLToPath(new URL('./kill-child.ts', import.meta.url));
let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase('kill');
});
afterAll(async () => db?.drop());

/** Starts the runner in a child process and SIGKILLs it once its session is inside `pg_sleep`. */
async function killMidMigration(dir: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, db.url], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    for (let i = 0; i < 200; i++) {
      const sleeping = await withClient(db.url, async (c) =>
        (await c.query(`select 1 from pg_stat_activity where datname = $1 and query like '%pg_sleep(%' and state = 'active' and pid <> pg_backend_pid()`, [db.name])).rows.length,
      );
      if (sleeping > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    child.kill('SIGKILL');
  }
  await exited;
}

const SLOW = `-- migrate:up
create table slow_a (id int);
select pg_sleep(case when current_setting('application_name') = 'sb migrate' and not exists (select 1 from pg_stat_activity where application_name = 'sb-test-rerun') then 20 else 0 end);
create table slow_b (id int);
-- migrate:down
drop table slow_b; drop table slow_a;
`;

const trackingRows = () =>
  withClient(db.url, async (c) => (await c.query('select version, statements_done, complete from sb_schema_migrations order by version')).rows);
const tableExists = (name: string) =>
  withClient(db.url, async (c) => (await c.query('select to_regclass($1)::text as t', [name])).rows[0]?.['t'] !== null);

describe('a runner killed mid-migration', () => {
  it('leaves a transactional migration unapplied, and the next run applies it', async () => {
    const dir = await migrationsDir({
      '20260101000000_slow.sql': SLOW,
    });
    await killMidMigration(dir.dir);
    expect(await tableExists('slow_a')).toBe(false);
    expect(await trackingRows()).toEqual([]);
    // The rerun holds a session named sb-test-rerun so the sleep is skipped this time.
    await withClient(`${db.url}?application_name=sb-test-rerun`, async () => {
      const result = await migrate({ path: dir.dir, connectionString: db.url });
      expect(result.migrations.map((m) => m.status)).toEqual(['applied']);
    });
    expect(await tableExists('slow_b')).toBe(true);
    expect(await trackingRows()).toEqual([{ version: '20260101000000', statements_done: 3, complete: true }]);
    await dir.remove();
  });

  it('records how far a transaction:false migration got, and the next run resumes after the finished statements', async () => {
    const dir = await migrationsDir({
      '20260101000000_slow.sql': SLOW,
      '20260102000000_nontx.sql': `-- migrate:up transaction:false
create table nt_a (id int);
select pg_sleep(case when (select count(*) from nt_a) = 0 then 20 else 0 end);
create table nt_b (id int);
-- migrate:down transaction:false
drop table nt_b; drop table nt_a;
`,
    });
    await killMidMigration(dir.dir);
    expect(await tableExists('nt_a')).toBe(true);
    expect(await tableExists('nt_b')).toBe(false);
    expect((await trackingRows()).at(-1)).toEqual({ version: '20260102000000', statements_done: 1, complete: false });
    const status = await migrationStatus({ path: dir.dir, connectionString: db.url });
    expect(status.migrations.at(-1)).toMatchObject({ state: 'partial', statementsDone: 1, statementsTotal: 3 });
    await withClient(db.url, (c) => c.query('insert into nt_a values (1)'));
    const result = await migrate({ path: dir.dir, connectionString: db.url });
    expect(result.migrations[0]).toMatchObject({ status: 'applied', resumedAt: 2 });
    expect(result.migrations[0]!.statements.map((s) => s.status)).toEqual(['already-done', 'ok', 'ok']);
    expect(await tableExists('nt_b')).toBe(true);
    expect((await trackingRows()).at(-1)).toEqual({ version: '20260102000000', statements_done: 3, complete: true });
    await dir.remove();
  });
});
