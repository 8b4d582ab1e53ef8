import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Queryable } from '../connection/queryable.js';
import { MigratorError } from '../errors.js';
import { introspect, type IntrospectOptions } from '../introspect/introspect.js';
import type { SchemaSnapshot } from '../snapshot/types.js';
import { loadSql } from './load-sql.js';
import { extensionsIn, startPglite } from './pglite.js';
import { withServerShadow } from './server.js';

/** Options for {@link loadSchemaFile}. */
export interface LoadSchemaFileOptions extends IntrospectOptions {
  /** `postgres://…` of a server to create the temporary shadow database on; default: embedded PGlite. */
  shadow?: string;
  /** PGlite data-directory cache; `false` disables it. */
  cacheDir?: string | false;
}

/**
 * Loads a `.sql` schema file into a throw-away shadow database and introspects it. A file that does not
 * load throws `MIGRATOR_SCHEMA_LOAD_FAILED` with file:line:column and PostgreSQL's message.
 *
 * @example
 * ```ts
 * const target = await loadSchemaFile('schema/v2.sql'); // embedded PGlite, no server needed
 * ```
 */
export async function loadSchemaFile(file: string, options: LoadSchemaFileOptions = {}): Promise<SchemaSnapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new MigratorError('MIGRATOR_INVALID_OPTION', `cannot read schema file ${file}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, { cause });
  }
  const label = file.length > 80 ? basename(file) : file;
  const run = async (db: Queryable) => {
    options.onProgress?.(`loading ${label} into the shadow database`);
    await loadSql(db, text, label, options);
    return introspect(db, options);
  };
  if (options.shadow) return withServerShadow(options.shadow, run);
  const { db } = await startPglite({ extensions: extensionsIn(text), cacheDir: options.cacheDir ?? undefined, onProgress: options.onProgress });
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}
