import { stat } from 'node:fs/promises';
import path from 'node:path';

/** Where a new project would go, or why none is written. */
export type ProjectPlace = { readonly root: string } | { readonly root?: undefined; readonly reason: 'has-package-json' | 'output-outside-cwd'; readonly at?: string };

/**
 * A project is written at `cwd` when neither `cwd` nor any folder between it and `output` (both included) has a
 * `package.json`. An `output` outside `cwd` gets no project (there is no folder to make one of).
 */
export async function findProjectPlace(cwd: string, output: string): Promise<ProjectPlace> {
  const rel = path.relative(cwd, output);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { reason: 'output-outside-cwd' };
  const dirs = [cwd];
  for (const part of rel.split(path.sep).filter(Boolean)) dirs.push(path.join(dirs[dirs.length - 1]!, part));
  for (const dir of dirs) {
    if ((await stat(path.join(dir, 'package.json')).catch(() => undefined)) !== undefined) return { reason: 'has-package-json', at: dir };
  }
  return { root: cwd };
}
