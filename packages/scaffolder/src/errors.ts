/**
 * Errors thrown by @sb/scaffolder. Every error carries a stable `code` (listed in docs/errors.md),
 * a literal `name`, an optional `cause`, and the shared `Symbol.for('sb.error')` brand so that
 * callers (the `sb` CLI) can recognise it without `instanceof`, across duplicated copies.
 */

const BRAND = Symbol.for('sb.error');

/** Every code a ScaffoldError can carry. */
export type ScaffoldErrorCode =
  | 'SCAFFOLD_INVALID_OPTION'
  | 'SCAFFOLD_SPEC_NOT_FOUND'
  | 'SCAFFOLD_SPEC_PARSE'
  | 'SCAFFOLD_INVALID_SPEC'
  | 'SCAFFOLD_SWAGGER2'
  | 'SCAFFOLD_UNSAFE_PATH'
  | 'SCAFFOLD_ABORTED'
  | 'SCAFFOLD_ROUTES_NOT_FOUND'
  | 'SCAFFOLD_ROUTES_PARSE'
  | 'SCAFFOLD_NO_ROUTES'
  | 'SCAFFOLD_DB_EMPTY'
  | 'SCAFFOLD_SDL_INVALID'
  | 'SCAFFOLD_INTERNAL';

/** Base class of every error @sb/scaffolder throws. */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
  readonly code: ScaffoldErrorCode;
  readonly [BRAND] = true;

  constructor(code: ScaffoldErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** True for any ScaffoldError, including one from another copy of this package. */
  static is(value: unknown): value is ScaffoldError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true &&
      (value as { name?: unknown }).name === 'ScaffoldError'
    );
  }
}
