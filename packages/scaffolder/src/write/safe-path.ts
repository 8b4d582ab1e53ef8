import path from 'node:path';
import { ScaffoldError } from '../errors.js';

/**
 * The absolute path of `relative` inside `root`, or a SCAFFOLD_UNSAFE_PATH error when it would land
 * anywhere else (absolute paths, `..`, NUL bytes, empty segments).
 */
export function insideOutput(root: string, relative: string): string {
  if (relative === '' || relative.includes('\0') || path.isAbsolute(relative) || relative.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new ScaffoldError('SCAFFOLD_UNSAFE_PATH', `refusing to write ${JSON.stringify(relative)}: not a plain path inside the output folder`);
  }
  const full = path.resolve(root, relative);
  if (!full.startsWith(root + path.sep)) {
    throw new ScaffoldError('SCAFFOLD_UNSAFE_PATH', `refusing to write ${JSON.stringify(relative)}: it resolves outside ${root}`);
  }
  return full;
}
