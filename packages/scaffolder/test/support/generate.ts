import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaffold, type Framework, type ScaffoldOptions, type ScaffoldResult } from '../../src/index.js';

/** Where tests generate: inside the package, so generated code resolves express/fastify/koa/ajv. */
export const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url));
export const EXAMPLES = fileURLToPath(new URL('../../../../examples/openapi/', import.meta.url));

/** A fresh, unique folder under test/.tmp; removed by {@link cleanup}. */
export async function freshDir(label: string): Promise<string> {
  const dir = path.join(TMP, `${label}-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(TMP, { recursive: true });
  return dir;
}

/** Scaffolds `spec` for `framework` into a fresh folder. */
export async function generate(spec: ScaffoldOptions['spec'], framework: Framework, label: string): Promise<{ dir: string; result: ScaffoldResult }> {
  const dir = await freshDir(`${label}-${framework}`);
  const result = await scaffold({ spec, framework, output: dir });
  return { dir, result };
}

/** Replaces a handler file with the test's own implementation. */
export async function writeHandlers(dir: string, group: string, source: string): Promise<void> {
  await writeFile(path.join(dir, 'handlers', `${group}.ts`), source, 'utf8');
}

export async function cleanup(dirs: readonly string[]): Promise<void> {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
}
