import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Extensions, PGlite } from '@electric-sql/pglite';
import { MigratorError } from '../errors.js';

/** Extensions PGlite ships, by `CREATE EXTENSION` name → module under `@electric-sql/pglite/contrib/`. */
const CONTRIB = new Set([
  'amcheck', 'bloom', 'btree_gin', 'btree_gist', 'citext', 'cube', 'dict_int', 'dict_xsyn', 'earthdistance',
  'fuzzystrmatch', 'hstore', 'intarray', 'isn', 'lo', 'ltree', 'pg_trgm', 'pgcrypto', 'seg', 'tablefunc',
  'tcn', 'tsm_system_rows', 'tsm_system_time', 'unaccent', 'uuid-ossp',
]);

/** Changes whenever the PGlite (PostgreSQL) major line changes, so a stale data directory is never loaded. */
const CACHE_KEY = 'pglite-0.5-pg18';

/** `~/.cache/sb` (or `$XDG_CACHE_HOME/sb`): where the initialised PGlite data directory is kept. */
export function defaultCacheDir(): string {
  return join(process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'sb');
}

/** Extension names a schema file creates, so only those are loaded into PGlite. */
export function extensionsIn(sql: string): string[] {
  const names = new Set<string>();
  for (const m of sql.matchAll(/create\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"([^"]+)"|([\w-]+))/gi)) names.add((m[1] ?? m[2]!).toLowerCase());
  return [...names];
}

async function loadExtensions(names: string[]): Promise<Extensions> {
  const out: Extensions = {};
  for (const name of names) {
    if (name === 'plpgsql') continue;
    if (!CONTRIB.has(name)) {
      throw new MigratorError('MIGRATOR_SHADOW_FAILED', `extension "${name}" is not available in the embedded PGlite shadow: pass --shadow postgres://… to load the schema on a real server`);
    }
    const id = name.replace('-', '_');
    const mod = (await import(`@electric-sql/pglite/contrib/${id}`)) as Record<string, unknown>;
    out[id] = mod[id] as Extensions[string];
  }
  return out;
}

export interface PgliteShadowOptions {
  /** Extensions to make available (`CREATE EXTENSION` still has to run). */
  extensions?: string[];
  /** Where to cache the initialised data directory; default {@link defaultCacheDir}. `false` disables the cache. */
  cacheDir?: string | false;
  onProgress?: (message: string) => void;
}

/**
 * Starts an in-memory PGlite. The first start runs initdb (several seconds) and saves the resulting data
 * directory to the cache; later starts load it (about a second).
 */
export async function startPglite(options: PgliteShadowOptions = {}): Promise<{ db: PGlite; cached: boolean }> {
  const { PGlite: Ctor } = await import('@electric-sql/pglite');
  const extensions = await loadExtensions(options.extensions ?? []);
  const cacheFile = options.cacheDir === false ? null : join(options.cacheDir ?? defaultCacheDir(), `${CACHE_KEY}-datadir.tar`);
  const cached = cacheFile ? await readFile(cacheFile).catch(() => null) : null;
  if (cached) {
    options.onProgress?.('starting PGlite from the cached data directory');
    const db = new Ctor({ loadDataDir: new Blob([cached]), extensions });
    await db.waitReady;
    return { db, cached: true };
  }
  options.onProgress?.('starting PGlite (first run: initialising a data directory, a few seconds; it is cached for next time)');
  const db = new Ctor({ extensions });
  await db.waitReady;
  if (cacheFile) {
    const blob = await db.dumpDataDir('none');
    await mkdir(join(cacheFile, '..'), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(tmp, Buffer.from(await blob.arrayBuffer()));
    await rename(tmp, cacheFile);
  }
  return { db, cached: false };
}
