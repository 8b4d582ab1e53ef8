import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary folder for one test file. */
export interface TempDir {
  readonly dir: string;
  /** Removes it and everything in it. */
  remove(): Promise<void>;
}

/** Creates an empty temporary folder named after `prefix`. */
export async function createTempDir(prefix: string): Promise<TempDir> {
  const dir = await mkdtemp(join(tmpdir(), `sb-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
