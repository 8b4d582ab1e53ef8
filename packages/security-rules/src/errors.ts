/**
 * Errors thrown by @sb/security-rules. Every error carries a stable `code` (listed in docs/errors.md),
 * a literal `name`, an optional `cause`, and the shared `Symbol.for('sb.error')` brand so that
 * callers (the `sb` CLI) can recognise it without `instanceof`, across duplicated copies.
 */

const BRAND = Symbol.for('sb.error');

/** Every code a SecurityRulesError can carry. */
export type SecurityRulesErrorCode =
  | 'SECRULES_INVALID_OPTION'
  | 'SECRULES_INTERNAL'
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

/** Base class of every error @sb/security-rules throws. */
export class SecurityRulesError extends Error {
  override readonly name = 'SecurityRulesError';
  readonly code: SecurityRulesErrorCode;
  readonly [BRAND] = true;

  constructor(code: SecurityRulesErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** True for any SecurityRulesError, including one from another copy of this package. */
  static is(value: unknown): value is SecurityRulesError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true &&
      (value as { name?: unknown }).name === 'SecurityRulesError'
    );
  }
}
