import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSnapshots, introspect, loadSchemaFiles, MigratorError } from '../../src/index.js';
import { stripPsqlMetaCommands } from '../../src/shadow/psql-meta.js';
import { createDatabase } from '../helpers/databases.js';

const dir = mkdtempSync(join(tmpdir(), 'sb-pg-dump-'));

describe('pg_dump -s output as a schema file', () => {
  let live: Awaited<ReturnType<typeof createDatabase>>;
  beforeAll(async () => {
    live = await createDatabase('sb_pg_dump');
  });
  afterAll(async () => {
    await live?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('loads what the local pg_dump writes (\\restrict and \\unrestrict included) into the same snapshot as the live database', async () => {
    await live.client.query(`
      create type mood as enum ('sad', 'ok', 'it''s \\ fine');
      create table users (id int generated always as identity (cache 5) primary key, email text unique, m mood);
      create function add_one(x int) returns int language sql immutable return x + 1;
      create function body() returns text language plpgsql as $$ begin return E'\\\\restrict not a command'; end $$;
      create index users_email_lower on users (lower(email));
      comment on table users is E'line one\\nline two';`);
    const dump = join(dir, 'dump.sql');
    writeFileSync(dump, execFileSync('pg_dump', ['-s', '--no-owner', live.url], { encoding: 'utf8' }));
    const unrelated = join(dir, 'plain.sql');
    writeFileSync(unrelated, 'create table plain (id int);');
    // The dump first, then a plain file in the same PGlite: the dump's empty search_path must not leak into it.
    const [fromDump, plain] = await loadSchemaFiles([dump, unrelated]);
    expect(diffSnapshots(await introspect(live.client), fromDump!).operations.map((op) => op.sql)).toEqual([]);
    expect(plain!.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['public.plain']);
  }, 180_000);

  it('refuses any other psql meta-command with file:line', () => {
    expect(() => stripPsqlMetaCommands('create table a (id int);\n\\connect other\ncreate table b ();\n', 'schema.sql')).toThrowError(
      'schema.sql:2: psql meta-command "\\connect" is not supported in a schema file (only pg_dump\'s \\restrict and \\unrestrict are skipped): remove it, or load the file with psql into a database and pass --connection',
    );
    const error = (() => {
      try {
        stripPsqlMetaCommands('select 1 \\gexec\n', 'x.sql');
      } catch (e) {
        return e;
      }
    })();
    expect(MigratorError.is(error) && error.code).toBe('MIGRATOR_SCHEMA_LOAD_FAILED');
  });

  it('leaves backslashes inside strings, quoted names, dollar bodies and comments alone', () => {
    const text = "select E'a\\'\n\\connect', $f$\n\\connect\n$f$, \"\n\\x\"; -- \\connect\n/* \\c */\n\\restrict k\n";
    expect(stripPsqlMetaCommands(text, 'x.sql')).toBe(text.replace('\\restrict k', '-- restrict k'));
  });
});
