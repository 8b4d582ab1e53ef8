/**
 * The one thing the migrator needs from a database driver: run a statement, get rows back.
 * `pg.Client`, `pg.Pool`, `pg.PoolClient` and PGlite all satisfy it structurally, so the core
 * never imports a driver (the kysely way).
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1/app' });
 * await client.connect();
 * const db: Queryable = client;
 * ```
 */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}
