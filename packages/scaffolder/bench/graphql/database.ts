/**
 * The bench database: authors → books → reviews (2 000 / 20 000 / 60 000 rows), foreign keys indexed (both
 * PostGraphile and sb build reverse relations from them), identity keys and a `now()` default (server-owned
 * columns, so neither API takes them as input). Statement counts come from pg_stat_statements, read from
 * another database so the reads are not counted.
 */
import { Client } from 'pg';

const SCHEMA = `
create table authors (
  id integer generated always as identity primary key,
  name text not null
);
create table books (
  id integer generated always as identity primary key,
  author_id integer not null references authors (id),
  title text not null,
  published integer
);
create index books_author_id on books (author_id);
create table reviews (
  id integer generated always as identity primary key,
  book_id integer not null references books (id),
  rating integer not null check (rating between 1 and 5),
  body text not null,
  created_at timestamptz not null default now()
);
create index reviews_book_id on reviews (book_id);
insert into authors (name) select 'Author ' || g from generate_series(1, 2000) g;
insert into books (author_id, title, published) select 1 + (g - 1) / 10, 'Book ' || g, 1900 + g % 120 from generate_series(1, 20000) g;
insert into reviews (book_id, rating, body) select 1 + (g - 1) / 3, 1 + g % 5, 'Review ' || g from generate_series(1, 60000) g;
analyze;
`;

/** Rows per table, for the report. */
export const ROWS = { authors: 2000, books: 20000, reviews: 60000 } as const;

/** The server's base URL (`postgres://postgres@127.0.0.1:5432`), from DATABASE_URL when set. */
function serverUrl(): URL {
  const url = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url;
}

/** The connection string of database `name` on the bench's server. */
export function databaseUrl(name: string): string {
  const url = serverUrl();
  url.pathname = `/${name}`;
  return url.toString();
}

async function onAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl().toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates (after dropping any leftover) and fills the database `name`; returns its connection string. */
export async function createBenchDatabase(name: string): Promise<string> {
  await onAdmin(async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}"`);
    await c.query('create extension if not exists pg_stat_statements');
  });
  const client = new Client({ connectionString: databaseUrl(name) });
  await client.connect();
  try {
    await client.query(SCHEMA);
  } finally {
    await client.end();
  }
  return databaseUrl(name);
}

export async function dropBenchDatabase(name: string): Promise<void> {
  await onAdmin((c) => c.query(`drop database if exists "${name}" with (force)`).then(() => undefined));
}

/** What pg_stat_statements holds for one database so far. */
export interface StatementTotals {
  /** Statements executed (every kind, BEGIN and COMMIT included). */
  readonly calls: number;
  /** Of them, SELECT/INSERT/UPDATE/DELETE/WITH: the statements that touch data. */
  readonly dataCalls: number;
  /** Execution time inside PostgreSQL, ms. */
  readonly execMs: number;
}

/** Totals of database `name` in pg_stat_statements (read from the `postgres` database, so not counted). */
export async function statementTotals(name: string): Promise<StatementTotals> {
  return onAdmin(async (c) => {
    const { rows } = await c.query<{ calls: string; data_calls: string; exec_ms: number }>(
      `select coalesce(sum(calls), 0) as calls,
              coalesce(sum(calls) filter (where query ~* '^\\s*(select|insert|update|delete|with)\\y'), 0) as data_calls,
              coalesce(sum(total_exec_time), 0)::float8 as exec_ms
         from pg_stat_statements s join pg_database d on d.oid = s.dbid
        where d.datname = $1`,
      [name],
    );
    const r = rows[0]!;
    return { calls: Number(r.calls), dataCalls: Number(r.data_calls), execMs: r.exec_ms };
  });
}
