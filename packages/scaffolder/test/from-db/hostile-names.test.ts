import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffoldFromDb } from '../../src/index.js';
import { cleanup, freshDir } from '../support/generate.js';
import { serve, type Running } from '../support/serve.js';
import { freshDatabase } from './db-fixture.js';

const SCHEMA = fileURLToPath(new URL('./fixtures/hostile.sql', import.meta.url));
let db: { url: string; drop: () => Promise<void> };
let dir: string;
let app: Running;
let destroy: () => Promise<void>;

beforeAll(async () => {
  db = await freshDatabase('fromdb_hostile', SCHEMA);
  process.env['DATABASE_URL'] = db.url;
  dir = await freshDir('fromdb-hostile');
  await scaffoldFromDb({ connectionString: db.url, framework: 'express', output: dir, auth: 'none' });
  app = await serve(dir, 'express', { authenticate: async () => undefined });
  const conn = (await import(`${dir}/db/connection.ts`)) as { db: { destroy(): Promise<void> } };
  destroy = () => conn.db.destroy();
}, 90_000);
afterAll(async () => {
  await app?.close();
  await destroy?.();
  await cleanup([dir]);
  await db?.drop();
});

describe('scaffoldFromDb with hostile names', () => {
  it('quotes table, column and comment text in generated code', async () => {
    const types = await readFile(path.join(dir, 'db/database.gen.ts'), 'utf8');
    expect(types).toContain('"we\\"ird */ `${x}` table": WeIrdXTableTable;');
    expect(types).toContain('/** *\\/ console.log("pwned") /* */');
    expect(types).toContain('/** public.we"ird *\\/ `${x}` table: ends *\\/ here; `${process.exit(1)}` */');
    const handlers = await readFile(path.join(dir, 'handlers/we-ird-x-table.ts'), 'utf8');
    expect(handlers).toContain('db.selectFrom("we\\"ird */ `${x}` table")');
  });

  it('serves the table: create, conflict, get, list', async () => {
    const post = (body: string) =>
      fetch(`${app.url}/we-ird-x-table`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(5_000) });
    // (a "__proto__" key in a body is refused by the generated validator, so the column stays null here)
    const created = await post('{"na*/me":"a","constructor":"c"}');
    expect(created.status).toBe(201);
    const row = (await created.json()) as Record<string, unknown>;
    expect(JSON.stringify(row)).toBe('{"id":1,"na*/me":"a","constructor":"c","__proto__":null}');
    // An absent optional "constructor" column is absent: the validator does not read it from Object.prototype.
    const dup = await post('{"na*/me":"a"}');
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as { error: { details: { field: string }[] } }).error.details[0]?.field).toBe('na*/me');
    const got = await fetch(`${app.url}/we-ird-x-table/1`, { signal: AbortSignal.timeout(5_000) });
    expect(await got.json()).toEqual(row);
    const list = await fetch(`${app.url}/we-ird-x-table?sort=na*/me`, { signal: AbortSignal.timeout(5_000) });
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([row]);
  });
});
