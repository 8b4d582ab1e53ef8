/**
 * Errors thrown by @sb/migrator. Every error carries a stable `code` (listed in docs/errors.md),
 * a literal `name`, an optional `cause`, and the shared brand of `@sb/errors`, so that callers (the `sb` CLI)
 * can recognise it without `instanceof`, across duplicated copies.
 *
 * Expected outcomes — drift found, a destructive change refused, a finding — are return values, not errors.
 */

import { SbError } from '@sb/errors';

/** Every code a MigratorError can carry. */
export type MigratorErrorCode =
  | 'MIGRATOR_INVALID_OPTION'
  /** A call was aborted through the `signal` of `{ signal, onProgress }`. */
  | 'MIGRATOR_ABORTED'
  | 'MIGRATOR_CONNECTION_FAILED'
  | 'MIGRATOR_INVALID_MIGRATION'
  | 'MIGRATOR_INTROSPECTION_FAILED'
  | 'MIGRATOR_SCHEMA_LOAD_FAILED'
  | 'MIGRATOR_SHADOW_FAILED'
  | 'MIGRATOR_OUTPUT_EXISTS'
  | 'MIGRATOR_MIGRATION_ORDER'
  | 'MIGRATOR_CHECKSUM_MISMATCH'
  | 'MIGRATOR_MISSING_MIGRATION'
  | 'MIGRATOR_INVALID_QUERY'
  | 'MIGRATOR_UNSUPPORTED_CHANGE'
  | 'MIGRATOR_INVALID_LOG'
  | 'MIGRATOR_LOCKED'
  | 'MIGRATOR_INTERNAL';

/** Base class of every error @sb/migrator throws. `MigratorError.is(value)` recognises one from any copy of this package. */
export class MigratorError extends SbError<MigratorErrorCode> {
  override readonly name = 'MigratorError';
}
