import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTempDir, createTestDatabase, DATABASE_URL } from '@sb/test-utils';
import pg from 'pg';

export { createTestDatabase, ensureRoles, withClient } from '@sb/test-utils';
export const BASE_URL = DATABASE_URL;

/** The migra fixtures: `$SB_MIGRA_FIXTURES`, else `../shared/fixtures/migra` beside the repository (CI copies shared/ there). */
export function migraFixtures(): string {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
  // SB_MIGRA_FIXTURES points elsewhere (e.g. a git worktree whose parent folder has no shared/).
  const dir = process.env['SB_MIGRA_FIXTURES'] ?? join(repoRoot, '..', 'shared', 'fixtures', 'migra');
  if (!existsSync(dir)) throw new Error(`migra fixtures not found at ${dir}: shared/ must sit beside the repository`);
  return dir;
}

/** A fresh database with a connected client; `drop()` closes the client and removes the database. */
export async function createDatabase(prefix: string): Promise<{ url: string; client: pg.Client; drop: () => Promise<void> }> {
  const db = await createTestDatabase(prefix);
  const client = new pg.Client({ connectionString: db.url });
  client.on('error', () => undefined);
  await client.connect();
  return {
    url: db.url,
    client,
    drop: async () => {
      await client.end().catch(() => undefined);
      await db.drop();
    },
  };
}

/** A temporary migrations directory holding the given files. */
export async function migrationsDir(files: Record<string, string>): Promise<{ dir: string; add: (name: string, text: string) => Promise<void>; remove: () => Promise<void> }> {
  const { dir, remove } = await createTempDir('migrations');
  const add = (name: string, text: string) => writeFile(join(dir, name), text);
  for (const [name, text] of Object.entries(files)) await add(name, text);
  return { dir, add, remove };
}
