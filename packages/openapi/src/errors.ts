/**
 * Errors thrown by @sb/openapi. Every error carries a stable `code` (listed in docs/errors.md), a literal `name`,
 * an optional `cause`, the shared brand of `@sb/errors`, and the list of problems found (each with its JSON
 * pointer and, for a file, its file:line:column).
 */

import { SbError } from '@sb/errors';
import { describeProblems, type SpecProblem } from './problems.js';

/** Every code an OpenApiError can carry. */
export type OpenApiErrorCode =
  /** The spec is neither a path nor a plain object. */
  | 'OPENAPI_INVALID_INPUT'
  /** The spec file cannot be read. */
  | 'OPENAPI_SPEC_NOT_FOUND'
  /** The file is not YAML/JSON, or not an object; each syntax error is a problem with its position. */
  | 'OPENAPI_SPEC_PARSE'
  /** Not an OpenAPI 3.0/3.1 document (missing or unsupported `openapi`), or an external `$ref` cannot be bundled. */
  | 'OPENAPI_INVALID_SPEC'
  /** A Swagger 2.0 document: the message names the conversion. */
  | 'OPENAPI_SWAGGER2';

/**
 * Base class of every error @sb/openapi throws. `OpenApiError.is(value)` recognises one from any copy of this
 * package. A library that reads specs for its users (the scaffolder, the security probe) maps these codes to its
 * own, so its users see one registry of codes.
 *
 * @example
 * ```ts
 * import { loadSpec, OpenApiError } from '@sb/openapi';
 * try {
 *   await loadSpec('openapi.yaml');
 * } catch (err) {
 *   if (OpenApiError.is(err)) for (const p of err.problems) console.error(p.location?.line, p.pointer, p.message);
 * }
 * ```
 */
export class OpenApiError extends SbError<OpenApiErrorCode> {
  override readonly name = 'OpenApiError';
  /** Every problem found (empty for `OPENAPI_INVALID_INPUT` and `OPENAPI_SPEC_NOT_FOUND`). */
  readonly problems: readonly SpecProblem[];

  constructor(code: OpenApiErrorCode, message: string, options?: { cause?: unknown; problems?: readonly SpecProblem[] }) {
    super(code, message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.problems = options?.problems ?? [];
  }

  /** An error whose message lists `problems`, one line each, under `the spec has N problems`. */
  static ofProblems(code: OpenApiErrorCode, problems: readonly SpecProblem[], cause?: unknown): OpenApiError {
    return new OpenApiError(code, describeProblems(problems), { problems, ...(cause === undefined ? {} : { cause }) });
  }
}
