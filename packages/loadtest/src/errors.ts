/**
 * Errors thrown by @sb/loadtest. Every error carries a stable `code` (listed in docs/errors.md),
 * a literal `name`, an optional `cause`, and the shared brand of `@sb/errors`, so that callers (the `sb` CLI)
 * can recognise it without `instanceof`, across duplicated copies.
 */

import { SbError } from '@sb/errors';

/** Every code a LoadtestError can carry. */
export type LoadtestErrorCode =
  | 'LOADTEST_INVALID_OPTION'
  | 'LOADTEST_BODY_FILE'
  | 'LOADTEST_BASELINE_INVALID'
  | 'LOADTEST_WORKER_FAILED'
  | 'LOADTEST_SCENARIO_INVALID'
  | 'LOADTEST_DATA_INVALID'
  | 'LOADTEST_SHARD_INVALID'
  | 'LOADTEST_SHARD_MISMATCH'
  | 'LOADTEST_TLS_FILE'
  | 'LOADTEST_METRICS_OUT';

/** Base class of every error @sb/loadtest throws. `LoadtestError.is(value)` recognises one from any copy of this package. */
export class LoadtestError extends SbError<LoadtestErrorCode> {
  override readonly name = 'LoadtestError';
}
