/**
 * Errors thrown by @sb/migrator. Every error carries a stable `code` (listed in docs/errors.md),
 * a literal `name`, an optional `cause`, and the shared `Symbol.for('sb.error')` brand so that
 * callers (the `sb` CLI) can recognise it without `instanceof`, across duplicated copies.
 *
 * Expected outcomes — drift found, a destructive change refused, a finding — are return values, not errors.
 */

const BRAND = Symbol.for('sb.error');

/** Every code a MigratorError can carry. */
export type MigratorErrorCode =
  | 'MIGRATOR_INVALID_OPTION'
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
  | 'MIGRATOR_LOCKED'
  | 'MIGRATOR_INTERNAL';

/** Base class of every error @sb/migrator throws. */
export class MigratorError extends Error {
  override readonly name = 'MigratorError';
  readonly code: MigratorErrorCode;
  readonly [BRAND] = true;

  constructor(code: MigratorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** True for any MigratorError, including one from another copy of this package. */
  static is(value: unknown): value is MigratorError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true &&
      (value as { name?: unknown }).name === 'MigratorError'
    );
  }
}
