/**
 * Errors thrown by @sb/loadtest. Every error carries a stable `code` (listed in docs/errors.md),
 * a literal `name`, an optional `cause`, and the shared `Symbol.for('sb.error')` brand so that
 * callers (the `sb` CLI) can recognise it without `instanceof`, across duplicated copies.
 */

const BRAND = Symbol.for('sb.error');

/** Every code a LoadtestError can carry. */
export type LoadtestErrorCode =
  | 'LOADTEST_INVALID_OPTION'
  | 'LOADTEST_BODY_FILE'
  | 'LOADTEST_BASELINE_INVALID'
  | 'LOADTEST_WORKER_FAILED'
  | 'LOADTEST_SHARD_INVALID'
  | 'LOADTEST_SHARD_MISMATCH'
  | 'LOADTEST_TLS_FILE'
  | 'LOADTEST_METRICS_OUT'
  | 'LOADTEST_INTERNAL';

/** Base class of every error @sb/loadtest throws. */
export class LoadtestError extends Error {
  override readonly name = 'LoadtestError';
  readonly code: LoadtestErrorCode;
  readonly [BRAND] = true;

  constructor(code: LoadtestErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** True for any LoadtestError, including one from another copy of this package. */
  static is(value: unknown): value is LoadtestError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true &&
      (value as { name?: unknown }).name === 'LoadtestError'
    );
  }
}
