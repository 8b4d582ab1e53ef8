import { type Operation, orderOperations } from '../plan/operation.js';
import type { SchemaSnapshot } from '../snapshot/types.js';
import { diffConstraints } from './constraints.js';
import { createContext, type DiffOptions } from './context.js';
import { diffFunctions } from './functions.js';
import { buildReferencedIndexesFirst, diffTableIndexes } from './indexes.js';
import { applyRenames, type RenameSuggestion, suggestRenames } from './renames.js';
import { diffSchemasAndExtensions } from './schemas-extensions.js';
import { diffSequences } from './sequences.js';
import { diffTableExtras } from './table-extras.js';
import { diffTables, findRecreatedTables } from './tables.js';
import { diffDomains, diffEnums } from './types.js';
import { diffViews } from './views.js';

/** What {@link diffSnapshots} returns. */
export interface SnapshotDiff {
  /** Statements that turn `from` into `to`, in dependency order. Empty when the schemas are the same. */
  operations: Operation[];
  /** Drop + add pairs that look like renames (not applied unless passed in `options.renames`). */
  renameSuggestions: RenameSuggestion[];
}

/**
 * The pure heart of the migrator: compares two snapshots and returns the ordered statements that turn
 * the first into the second. No database is touched.
 *
 * @example
 * ```ts
 * const { operations } = diffSnapshots(await introspect(live), await introspect(shadow));
 * console.log(operations.map((op) => op.sql).join('\n'));
 * ```
 */
export function diffSnapshots(from: SchemaSnapshot, to: SchemaSnapshot, options: DiffOptions = {}): SnapshotDiff {
  const renamed = applyRenames(from, options.renames ?? []);
  const ignoreExtensionVersions =
    options.ignoreExtensionVersions ?? Math.floor(from.serverVersion / 10000) !== Math.floor(to.serverVersion / 10000);
  const ctx = createContext(renamed.snapshot, to, { ...options, ignoreExtensionVersions });
  ctx.operations.push(...renamed.operations);
  findRecreatedTables(ctx);
  diffSchemasAndExtensions(ctx);
  diffEnums(ctx);
  diffDomains(ctx);
  diffFunctions(ctx);
  diffTables(ctx);
  diffConstraints(ctx);
  diffTableIndexes(ctx);
  buildReferencedIndexesFirst(ctx);
  diffSequences(ctx);
  diffViews(ctx);
  diffTableExtras(ctx);
  const suggestions = suggestRenames(renamed.snapshot, to);
  return { operations: orderOperations(ctx.operations), renameSuggestions: suggestions };
}
