/**
 * The brand every sb error carries. `Symbol.for` makes it the same symbol in every copy of every sb
 * package, so a caller recognises an sb error without `instanceof` (which fails across duplicated copies).
 */
export const SB_ERROR_BRAND: unique symbol = Symbol.for('sb.error') as never;

/** What every sb error looks like to a caller that holds none of the packages' classes. */
export interface SbErrorLike {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  readonly cause?: unknown;
}

/**
 * The base class of every error an sb library throws.
 *
 * Each package declares one subclass with its own code union (`MIGRATOR_*`, `SCAFFOLD_*`, …) and a literal
 * `name`; its codes stay in its own registry and in `docs/errors.md`.
 *
 * @example
 * ```ts
 * export type LoadtestErrorCode = 'LOADTEST_INVALID_OPTION' | 'LOADTEST_BODY_FILE';
 * export class LoadtestError extends SbError<LoadtestErrorCode> {
 *   override readonly name = 'LoadtestError';
 * }
 * LoadtestError.is(err); // true for a LoadtestError from any copy of @sb/loadtest
 * SbError.isSbError(err); // true for an error from any sb package
 * ```
 */
export abstract class SbError<Code extends string = string> extends Error implements SbErrorLike {
  abstract override readonly name: string;
  readonly code: Code;
  readonly [SB_ERROR_BRAND] = true;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /**
   * True when `value` is an sb error of this class (matched by brand and name, so it holds across copies).
   * On `SbError` itself, true for an error of any sb package.
   */
  static is<T extends SbError>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    if (!isSbError(value)) return false;
    if ((this as unknown) === SbError) return true;
    return value.name === this.name;
  }
}

/** True for an error thrown by any sb library, from any copy of it. */
export function isSbError(value: unknown): value is SbErrorLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[SB_ERROR_BRAND] === true &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
