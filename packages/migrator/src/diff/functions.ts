import { Phase } from '../plan/operation.js';
import { literalOrNull } from '../sql/quote.js';
import type { FunctionDef } from '../snapshot/types.js';
import { type DiffContext, fnKey } from './context.js';

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
  for (const [key, a] of ctx.fromFunctions) {
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
    create(b);
  }
  for (const [key, b] of ctx.toFunctions) if (!ctx.fromFunctions.has(key)) create(b);
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
