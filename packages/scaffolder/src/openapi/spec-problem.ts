import { describeProblems, type SpecProblem } from '@sb/openapi';
import { ScaffoldError } from '../errors.js';

/**
 * Thrown (code `SCAFFOLD_INVALID_SPEC` or `SCAFFOLD_SPEC_PARSE`) when the spec cannot be generated from.
 * `problems` lists every problem found, not only the first; the message has one line per problem.
 */
export class InvalidSpecError extends ScaffoldError {
  readonly problems: readonly SpecProblem[];

  constructor(code: 'SCAFFOLD_INVALID_SPEC' | 'SCAFFOLD_SPEC_PARSE', problems: readonly SpecProblem[], cause?: unknown) {
    super(code, describeProblems(problems), { cause });
    this.problems = problems;
  }
}
