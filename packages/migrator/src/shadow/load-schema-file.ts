import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { RunControl } from '@sb/errors';
import type { Queryable } from '../connection/queryable.js';
import { MigratorError } from '../errors.js';
import { introspect, type IntrospectOptions } from '../introspect/introspect.js';
import type { SchemaSnapshot } from '../snapshot/types.js';
import { loadSql } from './load-sql.js';
import { extensionsIn, startPglite } from './pglite.js';
import { withServerShadow } from './server.js';
import { stripPsqlMetaCommands } from './psql-meta.js';
import { splitStatements } from './split.js';

/** Options for {@link loadSchemaFile} and {@link loadSchemaFiles}. */
export interface LoadSchemaFileOptions extends IntrospectOptions {
  /** `postgres://…` of a server to create the temporary shadow database on; default: embedded PGlite. */
  shadow?: string;
  /** PGlite data-directory cache; `false` disables it. */
  cacheDir?: string | false;
}

async function readSchema(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new MigratorError('MIGRATOR_INVALID_OPTION', `cannot read schema file ${file}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, { cause });
  }
}

/** Drops every user schema (and the extensions in them) so the next file starts from an empty database. */
export async function resetShadow(db: Queryable, settings = false): Promise<void> {
  // A pg_dump file empties search_path and sets other session settings: the next file starts clean.
  if (settings) await db.query('RESET ALL');
  await db.query(`do $$ declare s text; begin
    for s in select nspname from pg_namespace where nspname not in ('pg_catalog', 'information_schema') and nspname !~ '^pg_' loop
      execute format('drop schema %I cascade', s);
    end loop;
    create schema public;
  end $$`);
}

/**
 * Loads `.sql` schema files into a throw-away shadow database, one after the other, and introspects
 * each. With PGlite one instance serves all files (reset in between), which halves the start-up cost
 * of a file-to-file diff. A file that does not load throws `MIGRATOR_SCHEMA_LOAD_FAILED` with
 * file:line:column and PostgreSQL's message.
 */
export async function loadSchemaFiles(files: string[], options: LoadSchemaFileOptions = {}, control: RunControl = {}): Promise<SchemaSnapshot[]> {
  const texts = (await Promise.all(files.map(readSchema))).map((text, i) => stripPsqlMetaCommands(text, files[i]!));
  const shadowProgress = (message: string) => control.onProgress?.({ phase: 'shadow', message });
  // Syntax errors are found by the parser before any database is started.
  for (let i = 0; i < files.length; i++) await splitStatements(texts[i]!, files[i]!.length > 80 ? basename(files[i]!) : files[i]!);
  const run = async (db: Queryable, i: number, script: (sql: string) => Promise<unknown>) => {
    const label = files[i]!.length > 80 ? basename(files[i]!) : files[i]!;
    control.onProgress?.({ phase: 'shadow', message: `loading ${label} into the shadow database` });
    await loadSql(db, texts[i]!, label, { ...(control.signal ? { signal: control.signal } : {}), onProgress: shadowProgress, script });
    return introspect(db, options, control);
  };
  const out: SchemaSnapshot[] = [];
  if (options.shadow) {
    for (let i = 0; i < files.length; i++) out.push(await withServerShadow(options.shadow, (db) => run(db, i, (sql) => db.query(sql))));
    return out;
  }
  const extensions = [...new Set(texts.flatMap(extensionsIn))];
  const { db } = await startPglite({ extensions, cacheDir: options.cacheDir ?? undefined, onProgress: shadowProgress });
  try {
    for (let i = 0; i < files.length; i++) {
      if (i > 0) await resetShadow(db as PGlite, true);
      out.push(await run(db, i, (sql) => (db as PGlite).exec(sql)));
    }
  } finally {
    await db.close();
  }
  return out;
}

/**
 * Loads one `.sql` schema file into a throw-away shadow database and introspects it.
 *
 * @example
 * ```ts
 * const target = await loadSchemaFile('schema/v2.sql'); // embedded PGlite, no server needed
 * ```
 */
export async function loadSchemaFile(file: string, options: LoadSchemaFileOptions = {}, control: RunControl = {}): Promise<SchemaSnapshot> {
  return (await loadSchemaFiles([file], options, control))[0]!;
}
