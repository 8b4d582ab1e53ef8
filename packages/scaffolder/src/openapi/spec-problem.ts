import { ScaffoldError } from '../errors.js';

/** One problem found in a spec: where (JSON pointer, and file:line when known) and what. */
export interface SpecProblem {
  /** RFC 6901 pointer into the spec document, e.g. `#/paths/~1pets/get/responses`. */
  readonly pointer: string;
  readonly message: string;
  /** The file and 1-based line/column of the pointer, when the spec came from a file. */
  readonly location?: { readonly file: string; readonly line: number; readonly column: number };
}

/** Formats a problem as one line: `file:line:col #/pointer: message`. */
export function formatProblem(p: SpecProblem): string {
  const where = p.location ? `${p.location.file}:${p.location.line}:${p.location.column} ` : '';
  return `${where}${p.pointer}: ${p.message}`;
}

/**
 * Thrown (code `SCAFFOLD_INVALID_SPEC` or `SCAFFOLD_SPEC_PARSE`) when the spec cannot be generated from.
 * `problems` lists every problem found, not only the first; the message has one line per problem.
 */
export class InvalidSpecError extends ScaffoldError {
  readonly problems: readonly SpecProblem[];

  constructor(code: 'SCAFFOLD_INVALID_SPEC' | 'SCAFFOLD_SPEC_PARSE', problems: readonly SpecProblem[], cause?: unknown) {
    const head = `the spec has ${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    super(code, [head, ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'), { cause });
    this.problems = problems;
  }
}
