import { Phase } from '../plan/operation.js';
import { literalOrNull } from '../sql/quote.js';
import type { FunctionDef } from '../snapshot/types.js';
import { type DiffContext, fnKey } from './context.js';
import { topoSort } from './views.js';

const kindWord = (f: FunctionDef) => (f.kind === 'p' ? 'PROCEDURE' : 'FUNCTION');

/**
 * Functions and procedures. A changed body keeps its signature: `CREATE OR REPLACE`. A changed result
 * type or kind cannot be replaced: drop and create, which also recreates views and triggers using it.
 * New functions are created before tables (column defaults may call them) with `check_function_bodies`
 * off, so bodies may reference objects created later in the same migration.
 */
export function diffFunctions(ctx: DiffContext): void {
  const ops = ctx.operations;
  const create = (f: FunctionDef) => {
    ops.push({ phase: Phase.createFunction, kind: `create ${kindWord(f).toLowerCase()}`, object: fnKey(f), sql: `${f.definition};`, transaction: true });
    if (f.comment !== null) comment(ctx, f);
  };
  const drop = (f: FunctionDef, phase: Phase) =>
    ops.push({ phase, kind: `drop ${kindWord(f).toLowerCase()}`, object: fnKey(f), sql: `DROP ${kindWord(f)} ${fnKey(f)};`, transaction: true });
  // Callers are created after and dropped before the functions they call (SQL-standard bodies are checked at creation).
  const deps = (fns: Map<string, FunctionDef>) => (k: string) => fns.get(k)?.dependsOn ?? [];
  const changed = new Set<string>();
  for (const key of topoSort([...ctx.fromFunctions.keys()], deps(ctx.fromFunctions)).reverse()) {
    const a = ctx.fromFunctions.get(key)!;
    const b = ctx.toFunctions.get(key);
    if (!b) {
      drop(a, Phase.dropFunction);
      ctx.invalidated.add(`function:${key}`);
      continue;
    }
    if (a.definition === b.definition) {
      if (a.comment !== b.comment) comment(ctx, b);
      continue;
    }
    if (a.kind !== b.kind || a.result !== b.result) {
      drop(a, Phase.dropFunctionReplaced);
      ctx.invalidated.add(`function:${key}`);
    }
    changed.add(key);
  }
  for (const key of topoSort([...ctx.toFunctions.keys()], deps(ctx.toFunctions))) if (changed.has(key) || !ctx.fromFunctions.has(key)) create(ctx.toFunctions.get(key)!);
}

function comment(ctx: DiffContext, f: FunctionDef): void {
  ctx.operations.push({
    phase: Phase.comment,
    kind: 'comment',
    object: fnKey(f),
    sql: `COMMENT ON ${kindWord(f)} ${fnKey(f)} IS ${literalOrNull(f.comment)};`,
    transaction: true,
  });
}
