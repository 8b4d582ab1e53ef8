import { randomBytes } from 'node:crypto';
import { quoteIdent } from '../sql/quote.js';
import type pg from 'pg';
import { connect } from '../connection/connect.js';

/**
 * Creates a temporary database `sb_shadow_<random>` on the server of `url`, hands a client on it to
 * `use`, and always drops it afterwards (also when `use` throws).
 */
export async function withServerShadow<T>(url: string, use: (db: pg.Client) => Promise<T>): Promise<T> {
  const admin = await connect({ connectionString: url, applicationName: 'sb shadow' });
  const name = `sb_shadow_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = await connect({ connectionString: target.toString(), applicationName: 'sb shadow' });
    try {
      return await use(db);
    } finally {
      await db.end().catch(() => undefined);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
}
