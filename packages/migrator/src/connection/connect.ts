import pg from 'pg';
import { MigratorError } from '../errors.js';
import { describeTarget } from './target.js';

/** Options for {@link connect}. */
export interface ConnectOptions {
  /** A `postgres://` URL. */
  connectionString: string;
  /** Shown in `pg_stat_activity`; default `sb`. */
  applicationName?: string;
  /** Give up connecting after this long; default 10 000 ms. */
  connectTimeoutMs?: number;
}

/**
 * Opens a `pg.Client`. Failures become one clear `MIGRATOR_CONNECTION_FAILED` error naming the host and
 * database (never the password): unreachable server, authentication failure, missing database.
 * int8 values stay strings (pg's default); callers convert where they need numbers.
 *
 * @example
 * ```ts
 * const client = await connect({ connectionString: process.env.DATABASE_URL! });
 * try { await client.query('select 1'); } finally { await client.end(); }
 * ```
 */
export async function connect(options: ConnectOptions): Promise<pg.Client> {
  if (!/^postgres(ql)?:\/\//i.test(options.connectionString)) {
    throw new MigratorError(
      'MIGRATOR_INVALID_OPTION',
      `not a PostgreSQL connection URL: expected postgres://user@host:port/database`,
    );
  }
  const client = new pg.Client({
    connectionString: options.connectionString,
    application_name: options.applicationName ?? 'sb',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (cause) {
    await client.end().catch(() => undefined);
    throw new MigratorError(
      'MIGRATOR_CONNECTION_FAILED',
      `cannot connect to ${describeTarget(options.connectionString)}: ${reason(cause)}`,
      { cause },
    );
  }
  return client;
}

function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running and listening there?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case '28P01':
    case '28000':
      return 'authentication failed';
    case '3D000':
      return 'database does not exist';
    default:
      return (e.message ?? String(error)).replace(/password\S*/gi, 'password ***');
  }
}
