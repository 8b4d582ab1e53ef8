import type { RunControl } from '@sb/errors';
import { checkAborted } from '../abort.js';
import type { Queryable } from '../connection/queryable.js';
import { MigratorError } from '../errors.js';
import { quoteLiteral } from '../sql/quote.js';
import type { SchemaSnapshot } from '../snapshot/types.js';
import { assembleRelations } from './assemble-relations.js';
import * as Q from './queries.js';
import { readTypes } from './read-types.js';

/** Options for {@link introspect}. */
export interface IntrospectOptions {
  /** Only these schemas (default: every user schema). */
  schemas?: string[];
  /** Leave these schemas out. */
  excludeSchemas?: string[];
  /**
   * sb's own tracking table, never part of a snapshot (so never part of a diff); default
   * `public.sb_schema_migrations`. Its schema is left out too when nothing else is in it.
   */
  trackingTable?: { schema: string; table: string };
}

type Row = Record<string, unknown>;

/**
 * Reads a database's schema into a plain, serialisable {@link SchemaSnapshot}, in about a dozen set-based
 * catalog queries whatever the number of tables. Pass one connection (a `pg.Client` or PGlite), not a
 * pool: the search_path is emptied for the duration so every name comes back schema-qualified, then restored.
 *
 * `control.onProgress` gets one `introspect` event per catalog query; aborting `control.signal` rejects with
 * `MIGRATOR_ABORTED` before the next one.
 *
 * @example
 * ```ts
 * const client = await connect({ connectionString: 'postgres://postgres@127.0.0.1/app' });
 * try {
 *   const snapshot = await introspect(client, { schemas: ['public'] });
 *   console.log(snapshot.tables.map((t) => t.name), snapshot.warnings);
 * } finally { await client.end(); }
 * ```
 */
export async function introspect(db: Queryable, options: IntrospectOptions = {}, control: RunControl = {}): Promise<SchemaSnapshot> {
  const filter = (alias: string) => Q.schemaFilter(alias, options.schemas, options.excludeSchemas ?? [], quoteLiteral);
  const previous = await db.query<{ path: string; version: string }>(
    `select current_setting('search_path') as path, current_setting('server_version_num') as version`,
  );
  const { path, version } = previous.rows[0]!;
  await db.query(`select set_config('search_path', '', false)`);
  try {
    const run = async (label: string, sql: string): Promise<Row[]> => {
      checkAborted(control.signal, 'introspect');
      control.onProgress?.({ phase: 'introspect', message: `reading ${label}` });
      try {
        return (await db.query<Row>(sql)).rows;
      } catch (cause) {
        throw new MigratorError('MIGRATOR_INTROSPECTION_FAILED', `reading ${label} from the catalog failed: ${(cause as Error).message}`, { cause });
      }
    };
    const n = filter('n');
    const schemas = (await run('schemas', Q.SCHEMAS(n))).map((r) => String(r['name']));
    const types = await readTypes(run, n);
    const relations = await assembleRelations({
      relations: await run('tables and views', Q.RELATIONS(n)),
      columns: await run('columns', Q.COLUMNS(n)),
      constraints: await run('constraints', Q.CONSTRAINTS(n)),
      indexes: await run('indexes', Q.INDEXES(n)),
      triggers: await run('triggers', Q.TRIGGERS(n)),
      policies: await run('policies', Q.POLICIES(n)),
      viewDependencies: await run('view dependencies', Q.VIEW_DEPENDENCIES(n)),
    });
    const functions = (await run('functions', Q.FUNCTIONS(n))).map((r) => ({
      schema: String(r['schema']),
      name: String(r['name']),
      kind: String(r['kind']) as 'f' | 'p' | 'w',
      identityArguments: String(r['identity_arguments'] ?? ''),
      result: (r['result'] as string | null) ?? null,
      definition: String(r['definition']).trim(),
      comment: (r['comment'] as string | null) ?? null,
      dependsOn: ((r['depends_on'] as string[] | null) ?? []).map(String).sort(),
    }));
    const warnings = (await run('unhandled object kinds', Q.UNHANDLED(n)))
      .filter((r) => Number(r['n']) > 0)
      .map((r) => `${String(r['n'])} ${String(r['kind'])}(s) found: not compared by sb db diff (changes to them are NOT migrated)`);
    return withoutTrackingTable(
      { formatVersion: 1, serverVersion: Number(version), schemas, ...types, tables: relations.tables, views: relations.views, functions, warnings },
      options.trackingTable ?? { schema: 'public', table: 'sb_schema_migrations' },
    );
  } finally {
    await db.query(`select set_config('search_path', $1, false)`, [path]);
  }
}

/** The snapshot without sb's tracking table (and its schema, when that holds nothing else). */
function withoutTrackingTable(s: SchemaSnapshot, t: { schema: string; table: string }): SchemaSnapshot {
  const tables = s.tables.filter((x) => !(x.schema === t.schema && x.name === t.table));
  if (tables.length === s.tables.length) return s;
  const used = [s.extensions, s.collations, s.enums, s.domains, s.sequences, tables, s.views, s.functions].some((list) => list.some((o) => o.schema === t.schema));
  return { ...s, tables, schemas: used || t.schema === 'public' ? s.schemas : s.schemas.filter((n) => n !== t.schema) };
}
