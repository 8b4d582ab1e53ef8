import { MigratorError } from '../errors.js';

const FILE_NAME = /^(\d{14})_([a-z0-9_]+)\.sql$/;

/** `20260115093000` for the given instant, in UTC. */
export function migrationVersion(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Turns free text into a safe file-name slug: lower-case ASCII letters, digits and `_`, at most 60 characters. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)
    .replace(/_+$/, '');
  return slug || 'migration';
}

/**
 * The file name of a new migration: `<UTC timestamp>_<slug>.sql`.
 *
 * @example
 * ```ts
 * migrationFileName(new Date('2026-01-15T09:30:00Z'), 'Add user indexes'); // '20260115093000_add_user_indexes.sql'
 * ```
 */
export function migrationFileName(date: Date, description: string): string {
  return `${migrationVersion(date)}_${slugify(description)}.sql`;
}

/** Splits a migration file name into version and slug; throws `MIGRATOR_INVALID_MIGRATION` for any other name. */
export function parseMigrationFileName(fileName: string): { version: string; slug: string } {
  const match = FILE_NAME.exec(fileName);
  if (!match) {
    throw new MigratorError(
      'MIGRATOR_INVALID_MIGRATION',
      `${fileName}: a migration file is named <14-digit UTC timestamp>_<slug>.sql, e.g. 20260115093000_add_user_indexes.sql`,
    );
  }
  return { version: match[1]!, slug: match[2]! };
}
