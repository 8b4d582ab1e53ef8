import type { Progress, RunControl } from '@sb/errors';
import { connect } from '../connection/connect.js';
import { describeTarget } from '../connection/target.js';
import { MigratorError } from '../errors.js';
import { diffSnapshots } from '../diff/diff-snapshots.js';
import type { RenameSuggestion } from '../diff/renames.js';
import { reverseRenames } from '../diff/renames.js';
import { introspect } from '../introspect/introspect.js';
import type { Operation } from '../plan/operation.js';
import { renderStatements } from '../plan/render.js';
import { loadSchemaFile, loadSchemaFiles } from '../shadow/load-schema-file.js';
import type { SchemaSnapshot } from '../snapshot/types.js';

/** Where a schema comes from: a live database, a `.sql` file (loaded into a shadow), or a snapshot. */
export type SchemaSource = { connection: string } | { file: string } | { snapshot: SchemaSnapshot; label?: string };

/** Options for {@link diffSchemas}. */
export interface DiffSchemasOptions {
  /** The schema you have. */
  from: SchemaSource;
  /** The schema you want. */
  to: SchemaSource;
  /** Server URL for the shadow database that `.sql` sources are loaded into; default: embedded PGlite. */
  shadow?: string;
  /** PGlite data-directory cache (default `~/.cache/sb`); `false` disables it. */
  cacheDir?: string | false;
  /** Only these schemas. */
  schemas?: string[];
  /** Leave these schemas out. */
  excludeSchemas?: string[];
  /** sb's tracking table, never part of the diff; default `public.sb_schema_migrations`. */
  trackingTable?: { schema: string; table: string };
  /** Accepted renames, `old:new` (see {@link RenameSuggestion.flag}). */
  renames?: string[];
  /** `lock_timeout` written at the top of each section; default `5s`. */
  lockTimeout?: string;
}

/** The result of {@link diffSchemas}: everything needed to review and write a migration. */
export interface MigrationPlan {
  /** True when there is nothing to do. */
  identical: boolean;
  /** Where each side came from (passwords redacted). */
  from: string;
  to: string;
  /** Ordered statements from → to. */
  up: Operation[];
  /** Ordered statements to → from, generated from the reverse diff. */
  down: Operation[];
  /** `up` rendered (with `lock_timeout` at the top). */
  upSql: string;
  downSql: string;
  /** Up statements that lose data. */
  destructive: Operation[];
  /** Up statements that take heavy locks, rewrite or scan tables. */
  heavyLocks: Operation[];
  /** Statements that may fail on existing data, and object kinds found but not compared. */
  warnings: string[];
  renameSuggestions: RenameSuggestion[];
}

function label(source: SchemaSource): string {
  if ('connection' in source) return describeTarget(source.connection);
  if ('file' in source) return source.file;
  return source.label ?? 'snapshot';
}

async function snapshotOf(source: SchemaSource, options: DiffSchemasOptions, control: RunControl, side: string): Promise<SchemaSnapshot> {
  const common = { schemas: options.schemas, excludeSchemas: options.excludeSchemas, trackingTable: options.trackingTable };
  const onProgress = (p: Progress) => control.onProgress?.({ ...p, message: `${side}: ${p.message}` });
  const sided: RunControl = { ...(control.signal ? { signal: control.signal } : {}), onProgress };
  if ('snapshot' in source) return source.snapshot;
  if ('file' in source) return loadSchemaFile(source.file, { ...common, shadow: options.shadow, cacheDir: options.cacheDir }, sided);
  onProgress({ phase: 'connect', message: `connecting to ${describeTarget(source.connection)}` });
  const client = await connect({ connectionString: source.connection });
  try {
    return await introspect(client, common, sided);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Compares two schemas and plans the migration between them, up and down, with a safety report.
 * Writes nothing: pass the result to {@link writeMigration}.
 *
 * @example
 * ```ts
 * const plan = await diffSchemas({ from: { file: 'schema/v1.sql' }, to: { file: 'schema/v2.sql' } });
 * if (!plan.identical) console.log(plan.upSql, plan.destructive.map((op) => op.destructive));
 * ```
 */
export async function diffSchemas(options: DiffSchemasOptions, control: RunControl = {}): Promise<MigrationPlan> {
  let from: SchemaSnapshot;
  let to: SchemaSnapshot;
  if ('file' in options.from && 'file' in options.to) {
    [from, to] = (await loadSchemaFiles([options.from.file, options.to.file], {
      schemas: options.schemas,
      excludeSchemas: options.excludeSchemas,
      shadow: options.shadow,
      cacheDir: options.cacheDir,
    }, control)) as [SchemaSnapshot, SchemaSnapshot];
  } else {
    // Two servers (or a server and a shadow) are read at the same time.
    [from, to] = await Promise.all([snapshotOf(options.from, options, control, 'from'), snapshotOf(options.to, options, control, 'to')]);
  }
  control.onProgress?.({ phase: 'compare', message: 'comparing' });
  const renames = options.renames ?? [];
  const upDiff = diffSnapshots(from, to, { renames });
  let downRenames: string[];
  try {
    downRenames = reverseRenames(renames, from);
  } catch (cause) {
    throw new MigratorError('MIGRATOR_INTERNAL', `cannot reverse renames ${renames.join(', ')}`, { cause });
  }
  const down = diffSnapshots(to, from, { renames: downRenames }).operations;
  const up = upDiff.operations;
  const warnings = [
    ...new Set([...from.warnings.map((w) => `${label(options.from)}: ${w}`), ...to.warnings.map((w) => `${label(options.to)}: ${w}`)]),
    ...up.filter((op) => op.warning).map((op) => op.warning!),
  ];
  return {
    identical: up.length === 0,
    from: label(options.from),
    to: label(options.to),
    up,
    down,
    upSql: renderStatements(up, options.lockTimeout),
    downSql: renderStatements(down, options.lockTimeout),
    destructive: up.filter((op) => op.destructive),
    heavyLocks: up.filter((op) => op.lock),
    warnings,
    renameSuggestions: upDiff.renameSuggestions,
  };
}
