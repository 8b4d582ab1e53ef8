import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from '@sb/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@sb/test-utils';
import { runCli } from './helpers/run-cli.js';

let db: TestDatabase;
let DB_URL: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sb-cli-fromdb-'));
  db = await createTestDatabase('cli_fromdb');
  DB_URL = db.url;
  const c = await connect({ connectionString: DB_URL });
  try {
    await c.query(`create type size as enum ('s', 'm', 'l');
      create table shirts (id serial primary key, sku text not null unique, size size not null, note text);
      create table log (message text)`);
  } finally {
    await c.end();
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db?.drop();
});

describe('sb scaffold --from-db', () => {
  it('generates a CRUD API from the database and lists what it did', async () => {
    const out = path.join(dir, 'api');
    const r = await runCli(['scaffold', '--from-db', DB_URL, '--framework', 'fastify', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Generated a fastify CRUD API over 2 tables: 6 operations implemented with kysely/);
    expect(r.stdout).toMatch(/public\.shirts\s+\/shirts\s+listShirts, getShirt, createShirt, updateShirt, deleteShirt\s+\[implemented\]/);
    expect(r.stdout).toMatch(/warning \[table-without-primary-key\]: public\.log has no primary key/);
    const handlers = await readFile(path.join(out, 'handlers/shirts.ts'), 'utf8');
    expect(handlers).toContain('db.insertInto("shirts").values(input.body)');
    expect(await readFile(path.join(out, 'db/database.gen.ts'), 'utf8')).toContain('"size": "s" | "m" | "l";');
    expect(existsSync(path.join(out, 'openapi.yaml'))).toBe(true);
    const scan = await runCli(['security', 'scan', out]);
    expect(scan.code).toBe(0);
    expect(scan.stdout + scan.stderr).toMatch(/\b0 findings\b/);
  });

  it('generates a GraphQL service with --api graphql', async () => {
    const out = path.join(dir, 'graphql');
    const r = await runCli(['scaffold', '--from-db', DB_URL, '--api', 'graphql', '--framework', 'express', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Generated a express GraphQL service over 2 tables in .*graphql\/ \(\d+ files written\)/);
    expect(r.stdout).toMatch(/public\.shirts\s+Shirt\s+shirts, shirt, createShirt, updateShirt, deleteShirt/);
    expect(await readFile(path.join(out, 'type-defs.gen.ts'), 'utf8')).toContain('enum Size {');
    expect(existsSync(path.join(out, 'package.json'))).toBe(true);
    const json = await runCli(['scaffold', '--from-db', DB_URL, '--api', 'graphql', '--framework', 'koa', '--output', path.join(dir, 'graphql-json'), '--dry-run', '--json']);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as { api: string; tables: { type: string }[]; sdl: string };
    expect([result.api, result.tables.map((t) => t.type)]).toEqual(['graphql', ['Log', 'Shirt']]);
    expect(existsSync(path.join(dir, 'graphql-json'))).toBe(false);
    const scan = await runCli(['security', 'scan', out]);
    expect(scan.stdout + scan.stderr).toMatch(/\b0 findings\b/);
  });

  it('prints the result as JSON', async () => {
    const r = await runCli(['scaffold', '--from-db', DB_URL, '--framework', 'koa', '--output', path.join(dir, 'json'), '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { tables: { table: string; readOnly: boolean }[]; files: string[] };
    expect(result.tables.map((t) => [t.table, t.readOnly])).toEqual([['public.log', true], ['public.shirts', false]]);
    expect(result.files).toEqual([]);
    expect(existsSync(path.join(dir, 'json'))).toBe(false);
  });

  it('exits 2 naming the target but not the password when the database is unreachable', async () => {
    const r = await runCli(['scaffold', '--from-db', 'postgres://app:hunter2@127.0.0.1:1/shop', '--framework', 'express', '--output', path.join(dir, 'down')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[MIGRATOR_CONNECTION_FAILED\]: cannot connect to app@127\.0\.0\.1:1\/shop/);
    expect(r.stderr + r.stdout).not.toContain('hunter2');
  });

  it('exits 2 when given both a spec and --from-db', async () => {
    const r = await runCli(['scaffold', 'openapi.yaml', '--from-db', DB_URL, '--framework', 'express', '--output', path.join(dir, 'both')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/either an OpenAPI spec file or --from-db/);
  });
});
