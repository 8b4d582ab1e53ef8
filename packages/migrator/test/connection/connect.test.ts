import { describe, expect, it } from 'vitest';
import { connect, describeTarget, MigratorError } from '../../src/index.js';
import { redactConnectionString } from '../../src/connection/target.js';

const BASE = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('connect', () => {
  it('connects to the real server', async () => {
    const client = await connect({ connectionString: BASE });
    try {
      const { rows } = await client.query<{ one: number }>('select 1 as one');
      expect(rows[0]?.one).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('names the missing database without the password', async () => {
    const url = new URL(BASE);
    url.password = 's3cret';
    url.pathname = '/sb_no_such_db_for_test';
    const error = await connect({ connectionString: url.toString() }).catch((e: unknown) => e);
    expect(MigratorError.is(error)).toBe(true);
    expect((error as MigratorError).code).toBe('MIGRATOR_CONNECTION_FAILED');
    expect((error as MigratorError).message).toMatch(/sb_no_such_db_for_test: database does not exist/);
    expect((error as MigratorError).message).not.toContain('s3cret');
  });

  it('says the connection was refused on a closed port', async () => {
    const error = await connect({ connectionString: 'postgres://u:pw@127.0.0.1:1/db' }).catch((e: unknown) => e);
    expect((error as MigratorError).message).toBe('cannot connect to u@127.0.0.1:1/db: connection refused (is the server running and listening there?)');
  });

  it('redacts passwords in URLs and key=value strings', () => {
    expect(redactConnectionString('postgres://u:pw@h:5432/db?password=x')).toBe('postgres://u:***@h:5432/db?password=***');
    expect(redactConnectionString('host=h password=pw dbname=d')).toBe('host=h password=*** dbname=d');
    expect(describeTarget('postgres://u:pw@h:5432/db')).toBe('u@h:5432/db');
  });
});
