import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CONTRACT_FILE } from '../../from-spec/emit/contract-file.js';
import type { SpecFromRoutesResult } from '../options.js';

/** Bumped whenever what `specFromRoutes` infers changes, so results of an older sb are not reused. */
const REVISION = 'contract-1';
const LOCKFILES = ['pnpm-lock.yaml', 'package-lock.json', 'yarn.lock', 'bun.lock', 'bun.lockb'];
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];

/** What one run's result depends on: every file read (inputs and the local files they import), by content hash. */
export interface SpecCacheKey {
  readonly key: string;
  readonly files: number;
  /** Where the result is kept: `node_modules/.cache/sb/` of the project, else the OS temp folder. */
  readonly file: string;
}

function sha(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The key of a run: SHA-256 over the options, sb's revision, the tsconfig, the project's lockfile (the types
 * in node_modules) and the content hash of every input file and every local file they import, followed
 * transitively through relative `import`/`require` specifiers. Any change to any of them is a miss.
 */
export function specCacheKey(files: readonly string[], options: Readonly<Record<string, unknown>>, tsconfig: string | undefined): SpecCacheKey {
  const seen = new Map<string, string>();
  // A generated route table's contract decides its operations: hashed like a source file.
  const contracts = [...new Set(files.map((f) => path.join(path.dirname(f), CONTRACT_FILE)))].filter((f) => existsSync(f));
  const pending = [...files, ...contracts];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    seen.set(file, sha(text));
    if (file.endsWith('.json')) continue;
    for (const m of text.matchAll(IMPORT)) {
      const resolved = resolveLocal(path.dirname(file), m[1]!);
      if (resolved && !seen.has(resolved)) pending.push(resolved);
    }
  }
  const project = projectDir(files[0] ?? '.');
  // `source` fields are relative to the current directory.
  const parts = [REVISION, process.cwd(), JSON.stringify(options), tsconfig && existsSync(tsconfig) ? sha(readFileSync(tsconfig)) : '-'];
  for (const lock of LOCKFILES) {
    const at = lockfileOf(project, lock);
    if (at) parts.push(lock, sha(readFileSync(at)));
  }
  for (const [file, hash] of [...seen].sort((a, b) => a[0].localeCompare(b[0]))) parts.push(file, hash);
  const base = project ? path.join(project, 'node_modules', '.cache', 'sb') : path.join(os.tmpdir(), 'sb-cache');
  return { key: sha(parts.join('\0')), files: seen.size, file: path.join(base, `spec-from-routes-${sha(files.join('\0')).slice(0, 16)}.json`) };
}

/** The cached result for `key`, if the last run with the same inputs had it. */
export async function readSpecCache(key: SpecCacheKey): Promise<SpecFromRoutesResult | undefined> {
  try {
    const data = JSON.parse(await readFile(key.file, 'utf8')) as { key?: unknown; result?: SpecFromRoutesResult };
    return data.key === key.key && data.result && typeof data.result === 'object' ? data.result : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps one result per input set (the last), written atomically; a cache that cannot be written is skipped. */
export async function writeSpecCache(key: SpecCacheKey, result: SpecFromRoutesResult): Promise<void> {
  try {
    await mkdir(path.dirname(key.file), { recursive: true });
    const tmp = `${key.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ key: key.key, result }));
    await rename(tmp, key.file);
  } catch {
    // read-only project or full disk: the next run infers again
  }
}

function resolveLocal(dir: string, spec: string): string | undefined {
  const base = path.resolve(dir, spec);
  const candidates = [...EXTENSIONS.map((e) => base + e), ...['.ts', '.tsx', '.mts'].map((e) => base.replace(/\.(c|m)?js$/, e))];
  for (const c of candidates) if (/\.(c|m)?(t|j)sx?$/.test(c) && existsSync(c)) return c;
  return undefined;
}

function projectDir(file: string): string | undefined {
  for (let d = path.dirname(path.resolve(file)); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'package.json'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** The lockfile of the project or of the workspace above it. */
function lockfileOf(project: string | undefined, name: string): string | undefined {
  for (let d = project; d; d = path.dirname(d) === d ? undefined : path.dirname(d)) {
    const at = path.join(d, name);
    if (existsSync(at)) return at;
  }
  return undefined;
}
