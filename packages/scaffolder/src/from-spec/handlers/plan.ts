import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiModel, OperationModel } from '../model/model.js';
import type { HandlerRef, ScaffoldResult } from '../../result.js';
import type { PlannedFile } from '../../write/atomic-write.js';
import type { GenerationCache } from '../../cache/generation-cache.js';
import { mergeHandlers, scanHandlerFile } from './merge.js';
import { handlerFile } from './stub.js';

/** A stub file (new, or with stubs appended) imports everything the stubs use. */
const STUB_IMPORT_NAMES = ['Op', 'notImplemented', 'HandlerContext'];

function ref(op: OperationModel): HandlerRef {
  return { exportName: op.name, file: `handlers/${op.group}.ts`, operationId: op.operationId, method: op.method.toUpperCase(), path: op.path };
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Plans the handler files: new groups get a new file; existing files get stubs appended for new operations
 * (read with ts-morph, never rewritten); exports matching no operation anymore are reported as orphaned.
 * What a file exports is cached by its content, so unchanged files are not parsed again. `custom` may give
 * the content of a new file instead of stubs (`--from-db`'s implemented handlers).
 */
export async function planHandlers(
  model: ApiModel,
  output: string,
  cache: GenerationCache,
  custom?: (group: string, ops: readonly OperationModel[]) => string | undefined,
): Promise<{ files: PlannedFile[]; handlers: ScaffoldResult['handlers']; opTypes: Set<string> }> {
  const groups = new Map<string, OperationModel[]>();
  for (const op of model.operations) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);
  const files: PlannedFile[] = [];
  const created: HandlerRef[] = [];
  const existing: HandlerRef[] = [];
  const orphaned: { exportName: string; file: string }[] = [];
  const opTypes = new Set<string>();
  const dir = path.join(output, 'handlers');
  const onDisk = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  for (const [group, ops] of groups) {
    const rel = `handlers/${group}.ts`;
    const before = await readIfExists(path.join(output, rel));
    if (before === undefined) {
      const own = custom?.(group, ops);
      const content = own ?? handlerFile(group, ops);
      files.push({ path: rel, content, kind: 'user', status: 'created' });
      if (own === undefined) cache.remember(content, { exported: ops.map((o) => o.name), imports: STUB_IMPORT_NAMES });
      created.push(...ops.map(ref));
      continue;
    }
    const scan = await cache.handlerScan(before, () => scanHandlerFile(before));
    const merged = await mergeHandlers(before, ops, scan);
    if (merged.added.length > 0) cache.remember(merged.text, { exported: [...merged.exported, ...merged.added.map((o) => o.name)], imports: STUB_IMPORT_NAMES });
    for (const t of merged.opTypes) opTypes.add(t);
    files.push({ path: rel, content: merged.text, kind: 'user', status: 'updated' });
    created.push(...merged.added.map(ref));
    existing.push(...merged.kept.map(ref));
    const names = new Set(ops.map((o) => o.name));
    for (const name of merged.exported) if (!names.has(name)) orphaned.push({ exportName: name, file: rel });
  }
  for (const f of onDisk) {
    const group = f.slice(0, -3);
    if (groups.has(group)) continue;
    const text = await readIfExists(path.join(dir, f));
    if (text === undefined) continue;
    const scan = await cache.handlerScan(text, () => scanHandlerFile(text));
    const merged = await mergeHandlers(text, [], scan);
    for (const t of merged.opTypes) opTypes.add(t);
    for (const name of merged.exported) orphaned.push({ exportName: name, file: `handlers/${f}` });
  }
  return { files, handlers: { created, existing, orphaned }, opTypes };
}
