import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MigratorError } from '../errors.js';
import { migrationFileName, migrationVersion } from '../migration-file/name.js';
import { renderMigration } from '../migration-file/render.js';

/** What goes into a generated migration. */
export interface GeneratedMigration {
  /** Becomes the file name's slug. */
  description: string;
  /** Statements of the up section, in order. */
  up: string[];
  /** Statements of the down section (written in reverse order of `up`'s effects: pass them already reversed). */
  down: string[];
  /** True when every statement can run in a transaction; CONCURRENTLY work needs false. */
  transaction: boolean;
  header: string[];
}

/**
 * Writes a migration in the dbmate format into `dir`, with a timestamp later than every migration already
 * there (so the runner never sees a gap). Never overwrites (`MIGRATOR_OUTPUT_EXISTS`). Returns the path.
 */
export async function writeGeneratedMigration(dir: string, migration: GeneratedMigration, now = new Date()): Promise<string> {
  const existing = await readdir(dir).catch((cause: unknown) => {
    throw new MigratorError('MIGRATOR_INVALID_OPTION', `${dir}: the output directory does not exist`, { cause });
  });
  const newest = existing.map((f) => /^(\d{14})_/.exec(f)?.[1]).filter(Boolean).sort().at(-1);
  let date = now;
  if (newest && migrationVersion(date) <= newest) date = new Date(versionDate(newest).getTime() + 1000);
  const fileName = migrationFileName(date, migration.description);
  const path = join(dir, fileName);
  for (const line of [...migration.up, ...migration.down].join('\n').split('\n')) {
    if (/^--\s*migrate:/.test(line.trim())) {
      throw new MigratorError('MIGRATOR_INTERNAL', `a generated statement has a line that reads as a migration directive: ${line.trim()}`);
    }
  }
  const text = renderMigration({
    up: migration.up.join('\n'),
    down: migration.down.join('\n'),
    transaction: migration.transaction,
    header: migration.header,
  });
  await writeFile(path, text, { flag: 'wx' }).catch((cause: unknown) => {
    throw new MigratorError('MIGRATOR_OUTPUT_EXISTS', `${path} already exists: not overwritten`, { cause });
  });
  return path;
}

function versionDate(version: string): Date {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((i, k) => Number(version.slice(i, k === 0 ? 4 : i + 2)));
  return new Date(Date.UTC(y!, mo! - 1, d, h, mi, s));
}
