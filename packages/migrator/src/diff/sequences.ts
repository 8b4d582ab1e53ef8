import { Phase } from '../plan/operation.js';
import { quoteQualified, quoteIdent } from '../sql/quote.js';
import type { Sequence } from '../snapshot/types.js';
import { type DiffContext, relKey } from './context.js';

const options = (s: Sequence) =>
  `AS ${s.type} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} CACHE ${s.cache} ${s.cycle ? 'CYCLE' : 'NO CYCLE'}`;

const owner = (s: Sequence) => (s.ownedBy ? `${quoteQualified(s.ownedBy.schema, s.ownedBy.table)}.${quoteIdent(s.ownedBy.column)}` : 'NONE');

/**
 * Sequences and their ownership (`serial`). Runs after the table diff: a sequence owned by a dropped
 * column goes with it, so it is not dropped twice, and is created again if the target still has it.
 */
export function diffSequences(ctx: DiffContext): void {
  const ops = ctx.operations;
  const ownerGone = (s: Sequence) =>
    s.ownedBy !== null && ctx.droppedColumns.has(`${quoteQualified(s.ownedBy.schema, s.ownedBy.table)}.${quoteIdent(s.ownedBy.column)}`);
  const from = new Map(ctx.from.sequences.filter((s) => !ownerGone(s)).map((s) => [relKey(s), s]));
  const implicitlyDropped = new Set(ctx.from.sequences.filter(ownerGone).map(relKey));
  const to = new Map(ctx.to.sequences.map((s) => [relKey(s), s]));
  const setOwner = (s: Sequence) =>
    ops.push({
      phase: s.ownedBy ? Phase.ownSequence : Phase.disownSequence,
      kind: 'sequence owner',
      object: `${s.schema}.${s.name}`,
      sql: `ALTER SEQUENCE ${quoteQualified(s.schema, s.name)} OWNED BY ${owner(s)};`,
      transaction: true,
    });
  for (const [key, s] of to) {
    const a = from.get(key);
    const object = `${s.schema}.${s.name}`;
    if (!a) {
      ops.push({ phase: Phase.createType, kind: 'create sequence', object, sql: `CREATE SEQUENCE ${quoteQualified(s.schema, s.name)} ${options(s)};`, transaction: true });
      if (s.ownedBy) setOwner(s);
      continue;
    }
    if (options(a) !== options(s)) {
      ops.push({ phase: Phase.createType, kind: 'alter sequence', object, sql: `ALTER SEQUENCE ${quoteQualified(s.schema, s.name)} ${options(s)};`, transaction: true });
    }
    if (owner(a) !== owner(s)) setOwner(s);
  }
  for (const [key, s] of from) {
    if (to.has(key) || implicitlyDropped.has(key)) continue;
    ops.push({
      phase: Phase.dropSequence,
      kind: 'drop sequence',
      object: `${s.schema}.${s.name}`,
      sql: `DROP SEQUENCE ${quoteQualified(s.schema, s.name)};`,
      transaction: true,
      destructive: `drops sequence ${s.schema}.${s.name} (its current value is lost)`,
    });
  }
}
