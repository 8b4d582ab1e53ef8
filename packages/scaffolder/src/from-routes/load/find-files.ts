import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ScaffoldError } from '../../errors.js';
import { CONTRACT_FILE } from '../../from-spec/emit/contract-file.js';

const SOURCE = /\.(c|m)?(t|j)sx?$/;
const SKIP_FILE = /\.d\.(c|m)?ts$|\.(test|spec)\.(c|m)?(t|j)sx?$/;
const SKIP_DIR = new Set(['node_modules', 'dist', 'build', 'coverage', '.git']);
/** Modules of an `sb scaffold` output that hold no routes (types, validators, runtime): read only through imports. */
const GENERATED_NOT_ROUTES = /^(validators\/[^/]+\.gen\.js|types\.gen\.ts|operations\.gen\.ts|runtime\.gen\.ts)$/;

/** Every route source file under the inputs (folders read recursively), absolute and sorted. */
export async function findRouteFiles(inputs: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(input);
    const info = await stat(abs).catch(() => undefined);
    if (!info) throw new ScaffoldError('SCAFFOLD_ROUTES_NOT_FOUND', `${input}: no such file or folder`);
    if (info.isFile()) found.add(abs);
    else await walk(abs, found);
  }
  if (found.size === 0) {
    throw new ScaffoldError('SCAFFOLD_ROUTES_NOT_FOUND', `${inputs.join(', ')}: no .ts/.js route files found`);
  }
  return [...found].filter((f) => !generatedNotRoutes(f)).sort();
}

/** True for a types/validators/runtime module inside an `sb scaffold` output (the folder holding its contract). */
function generatedNotRoutes(file: string): boolean {
  for (const dir of [path.dirname(file), path.dirname(path.dirname(file))]) {
    if (GENERATED_NOT_ROUTES.test(path.relative(dir, file).split(path.sep).join('/')) && existsSync(path.join(dir, CONTRACT_FILE))) return true;
  }
  return false;
}

async function walk(dir: string, found: Set<string>): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIR.has(entry.name) && !entry.name.startsWith('.')) await walk(full, found);
    } else if (entry.isFile() && SOURCE.test(entry.name) && !SKIP_FILE.test(entry.name)) {
      found.add(full);
    }
  }
}
