import { mkdir, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MigratorError } from '../errors.js';
import { migrationFileName, migrationVersion } from './name.js';
import { parseMigration } from './parse.js';
import { renderMigration } from './render.js';
import type { MigrationContent } from './types.js';

/** One file for {@link writeMigrationFiles}: its slug words and what goes in it. */
export interface MigrationFileToWrite {
  /** Becomes the file name's slug (`add user indexes` → `…_add_user_indexes.sql`). */
  description: string;
  content: MigrationContent;
}

/**
 * The one writer of migration files. Writes `files` into `directory` (created if missing) in the dbmate
 * format, in order, and returns their paths. It is safe by construction:
 *
 * - every file's timestamp is later than every migration already in the directory (and than the one
 *   before it), so the runner never sees a new file sorted before an applied one;
 * - each file is read back with {@link parseMigration} before anything is written: a statement with a
 *   line that reads as a `-- migrate:` directive (or anything else that would not round-trip) is refused;
 * - files are created exclusively (`wx`): an existing file is never overwritten, and when one write fails
 *   the files already written by this call are removed, so nothing is left half-way.
 *
 * @example
 * ```ts
 * const [path] = await writeMigrationFiles('migrations', [
 *   { description: 'add users', content: { up: 'create table users (id bigint primary key);', down: 'drop table users;' } },
 * ]);
 * ```
 */
export async function writeMigrationFiles(directory: string, files: MigrationFileToWrite[], options: { date?: Date } = {}): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const existing = await readdir(directory);
  const newest = existing.map((f) => /^(\d{14})_/.exec(f)?.[1]).filter((v): v is string => v !== undefined).sort().at(-1);
  let at = options.date ?? new Date();
  if (newest && migrationVersion(at) <= newest) at = new Date(versionDate(newest).getTime() + 1000);
  const planned = files.map((file, i) => {
    const name = migrationFileName(new Date(at.getTime() + i * 1000), file.description);
    return { path: join(directory, name), text: checkedText(name, file.content) };
  });
  const written: string[] = [];
  for (const file of planned) {
    try {
      await writeFile(file.path, file.text, { flag: 'wx' });
    } catch (cause) {
      await Promise.all(written.map((path) => unlink(path).catch(() => undefined)));
      if ((cause as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new MigratorError('MIGRATOR_OUTPUT_EXISTS', `${file.path} already exists: sb never overwrites a migration (another writer raced this one; run again)`, { cause });
      }
      throw cause;
    }
    written.push(file.path);
  }
  return written;
}

/** The rendered file, after checking the parser reads back exactly the sections that were meant. */
function checkedText(name: string, content: MigrationContent): string {
  const text = renderMigration(content);
  const directive = [content.up, content.down].join('\n').split('\n').find((line) => /^--\s*migrate:/.test(line.trim()));
  if (directive !== undefined) {
    throw new MigratorError('MIGRATOR_INTERNAL', `${name}: a statement has a line that reads as a migration directive: ${directive.trim()}`);
  }
  let parsed;
  try {
    parsed = parseMigration(text, name);
  } catch (cause) {
    throw new MigratorError('MIGRATOR_INTERNAL', `${name}: the rendered migration does not parse: ${(cause as Error).message}`, { cause });
  }
  const upTx = content.transaction ?? true;
  if (parsed.up.sql !== content.up.trim() || parsed.down.sql !== content.down.trim() || parsed.up.transaction !== upTx || parsed.down.transaction !== (content.downTransaction ?? upTx)) {
    throw new MigratorError('MIGRATOR_INTERNAL', `${name}: the rendered migration does not read back as written`);
  }
  return text;
}

function versionDate(version: string): Date {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((i, k) => Number(version.slice(i, k === 0 ? 4 : i + 2)));
  return new Date(Date.UTC(y!, mo! - 1, d, h, mi, s));
}
