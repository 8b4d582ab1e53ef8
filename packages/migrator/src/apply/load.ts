import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MigratorError } from '../errors.js';
import { parseMigration } from '../migration-file/parse.js';
import type { MigrationFile, MigrationSection } from '../migration-file/types.js';
import { splitStatements, type PlannedStatement } from './split.js';

/** A migration file read from disk, split into statements and linted. */
export interface LoadedMigration extends MigrationFile {
  /** Path as given (directory + file name). */
  path: string;
  upStatements: PlannedStatement[];
  downStatements: PlannedStatement[];
}

/** What {@link loadMigrations} read: the migrations in version order, and whether a whole directory was given. */
export interface LoadedMigrations {
  migrations: LoadedMigration[];
  /** True when `path` is a directory: then every applied migration must still have its file. */
  directory: boolean;
}

/**
 * Reads a migrations directory (every `*.sql` file) or one migration file, parses each (dbmate format),
 * splits sections into statements with the PostgreSQL parser and lints them. Throws before anything runs:
 * syntax errors and misplaced non-transactional statements (`MIGRATOR_INVALID_MIGRATION`, with file:line),
 * two files with the same timestamp (`MIGRATOR_MIGRATION_ORDER`).
 */
export async function loadMigrations(path: string): Promise<LoadedMigrations> {
  const info = await stat(path).catch((cause: unknown) => {
    throw new MigratorError('MIGRATOR_INVALID_OPTION', `${path}: no such migrations directory or file`, { cause });
  });
  const directory = info.isDirectory();
  const files = directory
    ? (await readdir(path)).filter((f) => f.endsWith('.sql')).sort().map((f) => join(path, f))
    : [path];
  const migrations: LoadedMigration[] = [];
  for (const file of files) migrations.push(await loadOne(file));
  migrations.sort((a, b) => a.version.localeCompare(b.version));
  for (let i = 1; i < migrations.length; i++) {
    const [prev, next] = [migrations[i - 1]!, migrations[i]!];
    if (prev.version === next.version) {
      throw new MigratorError(
        'MIGRATOR_MIGRATION_ORDER',
        `duplicate migration timestamp ${next.version}: ${prev.fileName} and ${next.fileName}; give one of them a new timestamp`,
      );
    }
  }
  return { migrations, directory };
}

async function loadOne(path: string): Promise<LoadedMigration> {
  const fileName = basename(path);
  const text = await readFile(path, 'utf8');
  const file = parseMigration(text, fileName);
  const upStatements = await checkedSection(file.up, fileName, 'up');
  const downStatements = await checkedSection(file.down, fileName, 'down');
  return { ...file, path, upStatements, downStatements };
}

async function checkedSection(section: MigrationSection, fileName: string, direction: 'up' | 'down'): Promise<PlannedStatement[]> {
  const statements = await splitStatements(section, fileName);
  for (const s of statements) {
    if (s.kind === 'TransactionStmt') {
      throw new MigratorError(
        'MIGRATOR_INVALID_MIGRATION',
        `${fileName}:${s.line}: remove "${s.sql}": the runner wraps each migration in its own transaction (mark the section transaction:false to run without one)`,
      );
    }
    if (section.transaction && s.nonTransactional) {
      throw new MigratorError(
        'MIGRATOR_INVALID_MIGRATION',
        `${fileName}:${s.line}: ${s.nonTransactional}: mark the section "-- migrate:${direction} transaction:false"`,
      );
    }
  }
  return statements;
}
