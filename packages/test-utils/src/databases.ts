import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server every test talks to: `DATABASE_URL`, or the local PostgreSQL on 127.0.0.1:5432. */
export const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database on the real server, created for one test file. */
export interface TestDatabase {
  /** Its connection URL. */
  readonly url: string;
  /** Its (unique, lower-case) name. */
  readonly name: string;
  /** Drops it (forcing other connections off). Safe to call twice. */
  drop(): Promise<void>;
}

/** The URL of database `name` on the test server. */
export function databaseUrl(name: string): string {
  const url = new URL(DATABASE_URL);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/**
 * Creates a uniquely named database on the test server, optionally running `sql` in it first.
 *
 * @example
 * ```ts
 * const db = await createTestDatabase('orders', 'create table orders (id int primary key)');
 * afterAll(() => db.drop());
 * ```
 */
export async function createTestDatabase(prefix: string, sql?: string): Promise<TestDatabase> {
  const name = `sb_${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  await runSql(DATABASE_URL, `create database "${name}"`);
  const url = databaseUrl(name);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await runSql(DATABASE_URL, `drop database if exists "${name}" with (force)`);
  };
  if (sql !== undefined) {
    try {
      await runSql(url, sql);
    } catch (err) {
      await drop();
      throw err;
    }
  }
  return { url, name, drop };
}

/** Runs `fn` with a connected client, closing it afterwards. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs one SQL text (several statements allowed) on `url`. */
export async function runSql(url: string, sql: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(sql);
  });
}

/** Creates the given roles if they do not exist (roles are cluster-wide, so tests share them). */
export async function ensureRoles(client: { query: (sql: string) => Promise<unknown> }, roles: readonly string[]): Promise<void> {
  for (const role of roles) {
    const literal = role.replace(/'/g, "''");
    const ident = role.replace(/"/g, '""');
    await client.query(
      `do $$ begin if not exists (select 1 from pg_roles where rolname = '${literal}') then create role "${ident}"; end if; end $$`,
    );
  }
}
