/**
 * Errors thrown by @sb/scaffolder. Every error carries a stable `code` (listed in docs/errors.md),
 * a literal `name`, an optional `cause`, and the shared brand of `@sb/errors`, so that callers (the `sb` CLI)
 * can recognise it without `instanceof`, across duplicated copies.
 */

import { SbError } from '@sb/errors';

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
  | 'SCAFFOLD_SDL_INVALID';

/** Base class of every error @sb/scaffolder throws. `ScaffoldError.is(value)` recognises one from any copy of this package. */
export class ScaffoldError extends SbError<ScaffoldErrorCode> {
  override readonly name = 'ScaffoldError';
}
