import { describe, expect, it } from 'vitest';
import { quoteIdent, safeName } from '../../src/analyze/quote.js';
import { createTestDatabase, withClient } from '../helpers/databases.js';

describe('quoteIdent', () => {
  it('round-trips hostile names through PostgreSQL, line breaks included, without a raw line break in the SQL', async () => {
    const db = await createTestDatabase('quote');
    try {
      const names = ['plain', 'we"ird', 'semi; drop table x; --', 'line\n-- migrate:down\nbreak', 'back\\slash\ttab'];
      await withClient(db.url, async (c) => {
        for (const name of names) {
          const sql = `create table ${quoteIdent(name)} (id int)`;
          expect(sql).not.toContain('\n');
          await c.query(sql);
        }
        const { rows } = await c.query<{ relname: string }>(`select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace order by relname`);
        expect(rows.map((r) => r.relname).sort()).toEqual([...names].sort());
      });
    } finally {
      await db.drop();
    }
  });

  it('builds index names of at most 63 bytes from any input', () => {
    expect(safeName(['Orders', 'User ID'], 'idx')).toBe('orders_user_id_idx');
    expect(Buffer.byteLength(safeName(['x'.repeat(100)], 'idx'))).toBeLessThanOrEqual(63);
  });
});
