import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { MigratorError } from '../../src/index.js';
import { quoteIdent, quoteLiteral, quoteQualified } from '../../src/sql/quote.js';
import { safeName } from '../../src/sql/quote.js';
import { createDatabase } from '../helpers/databases.js';

/** The byte classes a name or value can draw from; each round trip mixes them with SQL's own metacharacters. */
const CLASSES: Record<string, () => string> = {
  'ASCII control': () => String.fromCharCode(pick([1, 7, 8, 9, 10, 11, 12, 13, 27, 31, 127])),
  'SQL metacharacters': () => pick(['"', "'", '\\', ';', '--', '/*', '*/', '$$', '$q$', 'U&', 'E\'', '\\u0041', ' ', '-- migrate:down']),
  'ASCII letters and digits': () => pick(['a', 'Z', '0', '_', '$', 'users', 'DROP']),
  'Latin-1': () => String.fromCharCode(0x80 + next(0x80)),
  'BMP (incl. U+2028, combining marks, CJK, RTL)': () => pick(['\u2028', '\u2029', 'e\u0301', '中文', 'שלום', '\ufeff', '\u00a0', 'ß']),
  'astral (surrogate pairs)': () => pick(['😀', '𝔘', '🏳️‍🌈', '\u{10ffff}'.normalize()]),
};

let seed = 0x5eed;
function next(n: number): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}
function pick<T>(xs: T[]): T {
  return xs[next(xs.length)]!;
}

/** A random string of 1–12 pieces drawn mostly from `cls`, cut to at most 63 UTF-8 bytes (PostgreSQL's name limit). */
function sample(cls: () => string): string {
  const keys = Object.values(CLASSES);
  let out = '';
  for (let i = 0, n = 1 + next(12); i < n; i++) {
    const piece = next(3) === 0 ? pick(keys)() : cls();
    if (Buffer.byteLength(out + piece) > 63) break;
    out += piece;
  }
  return out || cls();
}

describe('SQL quoting', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  beforeAll(async () => {
    db = await createDatabase('sb_quote');
  });
  afterAll(async () => db.drop());

  for (const [label, cls] of Object.entries(CLASSES)) {
    it(`round-trips names and values of the class "${label}" through PostgreSQL, with either standard_conforming_strings`, async () => {
      for (const scs of ['on', 'off']) {
        await db.client.query(`set standard_conforming_strings = ${scs}`);
        const values = Array.from({ length: 60 }, () => sample(cls));
        expect(await roundTrip(db.client, values)).toEqual({ rawControl: false, literals: values, names: values });
      }
    });
  }

  it('creates and reads back tables whose names would break a migration file (line breaks, "-- migrate:down")', async () => {
    const names = ['plain', 'we"ird', 'semi; drop table x; --', 'line\n-- migrate:down\nbreak', 'back\\slash\ttab'];
    for (const name of names) {
      const sql = `create table ${quoteQualified('public', name)} (id int)`;
      expect(sql).not.toContain('\n');
      await db.client.query(sql);
    }
    const { rows } = await db.client.query<{ relname: string }>(`select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`);
    expect(rows.map((r) => r.relname).sort()).toEqual([...names].sort());
  });

  it('writes the plain forms when nothing needs escaping', () => {
    expect(quoteIdent('users')).toBe('"users"');
    expect(quoteIdent('x"; drop table t; --')).toBe('"x""; drop table t; --"');
    expect(quoteQualified('my schema', 'T"1')).toBe('"my schema"."T""1"');
    expect(quoteQualified(undefined, 't')).toBe('"t"');
    expect(quoteLiteral(`x'); DROP TABLE foo; --`)).toBe(`'x''); DROP TABLE foo; --'`);
    expect(quoteLiteral('a\\b')).toBe(`E'a\\\\b'`);
    expect(quoteLiteral('a\nb')).toBe(`E'a\\u000ab'`);
    expect(quoteIdent('a\nb\\')).toBe('U&"a\\000ab\\\\"');
  });

  it('refuses NUL, which PostgreSQL cannot store, instead of writing SQL the server rejects', () => {
    expect(() => quoteIdent('a\u0000b')).toThrow(MigratorError);
    expect(() => quoteLiteral('a\u0000b')).toThrow(/NUL/);
  });

  it('builds index names of at most 63 bytes from any input', () => {
    expect(safeName(['Orders', 'User ID'], 'idx')).toBe('orders_user_id_idx');
    expect(Buffer.byteLength(safeName(['x'.repeat(100)], 'idx'))).toBeLessThanOrEqual(63);
  });
});

/** One query per batch: each value as a literal, aliased by itself as an identifier; the server must hand back both unchanged. */
async function roundTrip(client: pg.Client, values: string[]): Promise<{ rawControl: boolean; literals: unknown; names: string[] }> {
  const sql = `select ${values.map((v) => `${quoteLiteral(v)}::text as ${quoteIdent(v)}`).join(', ')}`;
  const res = await client.query({ text: sql, rowMode: 'array' });
  // eslint-disable-next-line no-control-regex
  return { rawControl: /[\u0001-\u001f\u007f]/.test(sql), literals: res.rows[0], names: res.fields.map((f) => f.name) };
}
