import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const BASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The migra fixtures: `../shared/fixtures/migra` beside the repository (CI copies shared/ there). */
export function migraFixtures(): string {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
  const dir = join(repoRoot, '..', 'shared', 'fixtures', 'migra');
  if (!existsSync(dir)) throw new Error(`migra fixtures not found at ${dir}: shared/ must sit beside the repository`);
  return dir;
}

/** A fresh database on the real server, uniquely named; `drop()` removes it. */
export async function createDatabase(prefix: string): Promise<{ url: string; client: pg.Client; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  client.on('error', () => undefined);
  await client.connect();
  return {
    url: url.toString(),
    client,
    drop: async () => {
      await client.end().catch(() => undefined);
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** Roles some fixtures grant to or write policies for (roles are cluster-wide, so created once). */
export async function ensureRoles(client: { query: (sql: string) => Promise<unknown> }, roles: string[]): Promise<void> {
  for (const role of roles) {
    await client.query(
      `do $$ begin if not exists (select 1 from pg_roles where rolname = '${role}') then create role "${role}"; end if; end $$`,
    );
  }
}
