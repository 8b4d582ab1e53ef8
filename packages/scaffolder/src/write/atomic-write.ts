import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkAborted } from '../abort.js';
import { ScaffoldError } from '../errors.js';
import type { ScaffoldFile } from '../result.js';
import { insideOutput } from './safe-path.js';

/** A file the run wants on disk. */
export interface PlannedFile {
  /** Relative to the output folder, `/`-separated. */
  readonly path: string;
  readonly content: string;
  readonly kind: 'generated' | 'user';
  /** For user files: `created` when new, `updated` when stubs were appended (decided by the caller). */
  readonly status?: ScaffoldFile['status'];
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Refuses an output folder that is a file or a symlink, and symlinked folders inside it. */
async function checkFolders(root: string, files: readonly PlannedFile[]): Promise<void> {
  const dirs = new Set<string>([root]);
  for (const f of files) {
    const parts = f.path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) dirs.add(path.join(root, ...parts.slice(0, i)));
  }
  for (const dir of dirs) {
    const st = await lstat(dir).catch(() => undefined);
    if (st && !st.isDirectory()) {
      throw new ScaffoldError(dir === root ? 'SCAFFOLD_INVALID_OPTION' : 'SCAFFOLD_UNSAFE_PATH', `${dir} exists and is not a folder${st.isSymbolicLink() ? ' (a symlink)' : ''}; refusing to write into it`);
    }
  }
}

/**
 * Writes one file atomically (a temporary sibling, then a rename) at `relative` inside `root`, through the same
 * safe-path and folder checks as {@link writeOutput}: the one single-file writer of the package (the cache,
 * `sb spec`'s document).
 */
export async function writeFileAtomic(root: string, relative: string, content: string): Promise<void> {
  const base = path.resolve(root);
  const full = insideOutput(base, relative);
  await checkFolders(base, [{ path: relative, content, kind: 'generated' }]);
  await mkdir(path.dirname(full), { recursive: true });
  const tmp = `${full}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, full);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes the planned files under `root` all-or-nothing as far as the file system allows: everything is
 * rendered into a hidden temp folder inside `root` first, then renamed into place, so a failure while
 * writing leaves the previous tree (or nothing) behind. Unchanged files are not touched.
 */
export async function writeOutput(root: string, files: readonly PlannedFile[], dryRun: boolean, signal?: AbortSignal): Promise<ScaffoldFile[]> {
  const targets = files.map((f) => ({ file: f, full: insideOutput(root, f.path) }));
  await checkFolders(root, files);
  const results: ScaffoldFile[] = [];
  const changed: typeof targets = [];
  for (const t of targets) {
    const before = await readIfExists(t.full);
    const status: ScaffoldFile['status'] = before === undefined ? 'created' : before === t.file.content ? 'unchanged' : (t.file.status ?? 'updated');
    results.push({ path: t.file.path, kind: t.file.kind, status });
    if (status !== 'unchanged') changed.push(t);
  }
  if (dryRun || changed.length === 0) return results;
  checkAborted(signal, 'scaffold');
  const rootExisted = (await lstat(root).catch(() => undefined)) !== undefined;
  await mkdir(root, { recursive: true });
  const tmp = path.join(root, `.sb-scaffold-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(tmp);
    await Promise.all(
      changed.map(async (t, i) => {
        await writeFile(path.join(tmp, String(i)), t.file.content, 'utf8');
      }),
    );
    for (const [i, t] of changed.entries()) {
      await mkdir(path.dirname(t.full), { recursive: true });
      await rename(path.join(tmp, String(i)), t.full);
    }
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    if (!rootExisted) await rm(root, { recursive: true, force: true });
    throw err;
  }
  await rm(tmp, { recursive: true, force: true });
  return results;
}
