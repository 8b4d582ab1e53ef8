// The database connection of the generated handlers: created once by sb scaffold --from-db, yours to change.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.gen.js';

const INT8 = 20;
const DATE = 1082;

/** int8 as a number (exact below 2^53) and date as its 'YYYY-MM-DD' text, as the API describes them. */
function getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8) return Number;
  if (oid === DATE) return (value) => value;
  return pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
}

/** One pool per process; DATABASE_URL names the database. */
export const pool = new pg.Pool({
  connectionString: process.env['DATABASE_URL'],
  max: Number(process.env['DATABASE_POOL_SIZE'] ?? 10),
  types: { getTypeParser } as unknown as pg.CustomTypesConfig,
});

export const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
