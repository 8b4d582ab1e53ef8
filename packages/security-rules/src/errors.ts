/**
 * Errors thrown by @sb/security-rules. Every error carries a stable `code` (listed in docs/errors.md),
 * a literal `name`, an optional `cause`, and the shared brand of `@sb/errors`, so that callers (the `sb` CLI)
 * can recognise it without `instanceof`, across duplicated copies.
 */

import { SbError } from '@sb/errors';

/** Every code a SecurityRulesError can carry. */
export type SecurityRulesErrorCode =
  | 'SECRULES_INVALID_OPTION'
  | 'SECRULES_INTERNAL'
  /** A scan or probe was aborted through the `signal` of `{ signal, onProgress }`. */
  | 'SECRULES_ABORTED'
  // static scan (sb security scan)
  | 'SECRULES_PATH_NOT_FOUND'
  | 'SECRULES_TSCONFIG_INVALID'
  | 'SECRULES_CONFIG_INVALID'
  | 'SECRULES_BASELINE_INVALID'
  /** Not thrown: printed for each file that does not parse (the scan skips it and exits 2). */
  | 'SECRULES_PARSE_ERROR'
  // live probe (sb security probe)
  | 'SECRULES_PROBE_REMOTE_TARGET'
  | 'SECRULES_PROBE_UNREACHABLE'
  | 'SECRULES_PROBE_NOT_GRAPHQL'
  | 'SECRULES_SPEC_INVALID';

/** Base class of every error @sb/security-rules throws. `SecurityRulesError.is(value)` recognises one from any copy of this package. */
export class SecurityRulesError extends SbError<SecurityRulesErrorCode> {
  override readonly name = 'SecurityRulesError';
}
