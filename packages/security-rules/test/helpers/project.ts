import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '.tmp');
const TSCONFIG = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, allowJs: true, noEmit: true, skipLibCheck: true, types: [] } };

const created: string[] = [];
afterAll(() => {
  for (const d of created) rmSync(d, { recursive: true, force: true });
});

/** Writes a small project (files by relative path, plus a tsconfig) into a temp dir removed after the file's tests. */
export function tempProject(files: Record<string, string>, opts: { tsconfig?: string | false } = {}): string {
  mkdirSync(ROOT, { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'p-'));
  if (opts.tsconfig !== false) writeFileSync(join(dir, 'tsconfig.json'), opts.tsconfig ?? JSON.stringify(TSCONFIG));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  created.push(dir);
  return dir;
}
