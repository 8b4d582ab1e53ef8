import { readFile } from 'node:fs/promises';

/** `templates/` at the package root: the same two levels up from `src/templates/` and from `dist/templates/`. */
const TEMPLATES = new URL('../../templates/', import.meta.url);

/**
 * The text of a template of the package's `templates/` folder (shipped in the tarball beside `dist/`): code a
 * generator emits, kept as real TypeScript that the package type-checks and lints, read when a generator runs.
 *
 * @example
 * const limits = await readTemplate('graphql/limits.ts');
 */
export async function readTemplate(name: string): Promise<string> {
  return readFile(new URL(name, TEMPLATES), 'utf8');
}
