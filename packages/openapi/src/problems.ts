/** One problem found in a spec: where (JSON pointer, and file:line when known) and what. */
export interface SpecProblem {
  /** RFC 6901 pointer into the spec document, e.g. `#/paths/~1pets/get/responses`. */
  readonly pointer: string;
  readonly message: string;
  /** The file and 1-based line/column of the pointer, when the spec came from a file. */
  readonly location?: { readonly file: string; readonly line: number; readonly column: number };
}

/**
 * Formats a problem as one line: `file:line:col #/pointer: message`.
 *
 * @example
 * ```ts
 * formatProblem({ pointer: '#/info/version', message: '`info.version` must be a string', location: { file: 'api.yaml', line: 2, column: 1 } });
 * // 'api.yaml:2:1 #/info/version: `info.version` must be a string'
 * ```
 */
export function formatProblem(p: SpecProblem): string {
  const where = p.location ? `${p.location.file}:${p.location.line}:${p.location.column} ` : '';
  return `${where}${p.pointer}: ${p.message}`;
}

/** `the spec has N problems`, then one indented {@link formatProblem} line per problem. */
export function describeProblems(problems: readonly SpecProblem[]): string {
  const head = `the spec has ${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return [head, ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n');
}
