import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigratorError } from '../../src/index.js';
import { parseMigration } from '../../src/migration-file/parse.js';
import { writeMigrationFiles } from '../../src/migration-file/write.js';

const out = () => mkdtempSync(join(tmpdir(), 'sb-migration-files-'));
const date = new Date('2026-01-15T09:30:00Z');

describe('writeMigrationFiles', () => {
  it('writes files one second apart, each reading back as written', async () => {
    const dir = join(out(), 'nested', 'migrations');
    const paths = await writeMigrationFiles(dir, [
      { description: 'add users', content: { up: 'create table users (id int);', down: 'drop table users;', header: ['first'] } },
      { description: 'add users online', content: { up: 'create index concurrently i on users (id);', down: 'drop index concurrently i;', transaction: false } },
    ], { date });
    expect(readdirSync(dir)).toEqual(['20260115093000_add_users.sql', '20260115093001_add_users_online.sql']);
    const second = parseMigration(readFileSync(paths[1]!, 'utf8'), '20260115093001_add_users_online.sql');
    expect(second.up).toMatchObject({ sql: 'create index concurrently i on users (id);', transaction: false });
  });

  it('dates a new file after the newest migration already in the folder, even one from the future', async () => {
    const dir = out();
    writeFileSync(join(dir, '20300101000000_later.sql'), 'keep me');
    const [path] = await writeMigrationFiles(dir, [{ description: 'x', content: { up: 'select 1;', down: '' } }], { date });
    expect(path).toBe(join(dir, '20300101000001_x.sql'));
    expect(readFileSync(join(dir, '20300101000000_later.sql'), 'utf8')).toBe('keep me');
  });

  it('refuses a statement with a line that reads as a migration directive, and writes nothing', async () => {
    const dir = out();
    const error = await writeMigrationFiles(dir, [
      { description: 'ok', content: { up: 'select 1;', down: '' } },
      { description: 'bad', content: { up: "comment on table t is 'a\n-- migrate:down\n';", down: '' } },
    ], { date }).catch((e: unknown) => e);
    expect(MigratorError.is(error) && error.code).toBe('MIGRATOR_INTERNAL');
    expect((error as Error).message).toBe('20260115093001_bad.sql: a statement has a line that reads as a migration directive: -- migrate:down');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a header line that would read as a directive', async () => {
    const error = await writeMigrationFiles(out(), [{ description: 'h', content: { up: 'select 1;', down: '', header: ['migrate:down'] } }], { date }).catch((e: unknown) => e);
    expect(MigratorError.is(error) && error.code).toBe('MIGRATOR_INTERNAL');
  });
});
