import { createHash } from 'node:crypto';
import { MigratorError } from '../errors.js';
import { parseMigrationFileName } from './name.js';
import type { MigrationFile, MigrationSection } from './types.js';

const DIRECTIVE = /^--\s*migrate:(\S+)(.*)$/;

/**
 * Parses a migration in the dbmate format:
 *
 * ```sql
 * -- migrate:up
 * create table users (id bigint primary key);
 * -- migrate:down
 * drop table users;
 * ```
 *
 * `-- migrate:up transaction:false` marks a section that must run outside a transaction. Anything above
 * `-- migrate:up` is a header comment. Problems throw `MIGRATOR_INVALID_MIGRATION` naming file and line.
 *
 * @param text the file's content
 * @param fileName the file's base name (`<timestamp>_<slug>.sql`), used for the version and in messages
 */
export function parseMigration(text: string, fileName: string): MigrationFile {
  const { version, slug } = parseMigrationFileName(fileName);
  const lines = text.split(/\r?\n/);
  const found: Partial<Record<'up' | 'down', { index: number; transaction: boolean }>> = {};
  lines.forEach((raw, index) => {
    const match = DIRECTIVE.exec(raw.trim());
    if (!match) return;
    const where = `${fileName}:${index + 1}`;
    const direction = match[1];
    if (direction !== 'up' && direction !== 'down') {
      throw new MigratorError('MIGRATOR_INVALID_MIGRATION', `${where}: unknown directive "-- migrate:${direction}" (expected up or down)`);
    }
    if (found[direction]) {
      throw new MigratorError('MIGRATOR_INVALID_MIGRATION', `${where}: a second "-- migrate:${direction}" section`);
    }
    found[direction] = { index, transaction: parseOptions(match[2] ?? '', where) };
  });
  const up = found.up;
  if (!up) {
    throw new MigratorError('MIGRATOR_INVALID_MIGRATION', `${fileName}:1: no "-- migrate:up" line: a migration has an up section and a down section`);
  }
  const down = found.down;
  if (down && down.index < up.index) {
    throw new MigratorError('MIGRATOR_INVALID_MIGRATION', `${fileName}:${down.index + 1}: "-- migrate:down" comes before "-- migrate:up"`);
  }
  const upEnd = down ? down.index : lines.length;
  const section = (start: number, end: number, transaction: boolean): MigrationSection => ({
    sql: lines.slice(start + 1, end).join('\n').trim(),
    transaction,
    line: start + 2,
  });
  return {
    fileName,
    version,
    slug,
    up: section(up.index, upEnd, up.transaction),
    down: down ? section(down.index, lines.length, down.transaction) : { sql: '', transaction: true, line: lines.length + 1 },
    checksum: createHash('sha256').update(text).digest('hex'),
  };
}

function parseOptions(rest: string, where: string): boolean {
  let transaction = true;
  for (const option of rest.trim().split(/\s+/).filter(Boolean)) {
    const [key, value] = option.split(':');
    if (key === 'transaction' && (value === 'false' || value === 'true')) transaction = value === 'true';
    else throw new MigratorError('MIGRATOR_INVALID_MIGRATION', `${where}: unknown option "${option}" (expected transaction:false)`);
  }
  return transaction;
}
