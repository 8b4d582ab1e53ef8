import { type Operation, Phase } from '../plan/operation.js';
import { literalOrNull, quoteQualified, quoteIdent } from '../sql/quote.js';
import type { Index } from '../snapshot/types.js';
import type { DiffContext } from './context.js';

/** `CREATE [UNIQUE] INDEX [CONCURRENTLY IF NOT EXISTS] "name" ON "s"."t" USING …;` */
export function createIndexSql(schema: string, table: string, ix: Index, concurrently: boolean): string {
  // Outside a transaction a statement may be re-run after a failure: IF NOT EXISTS makes that safe.
  return `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${concurrently ? 'CONCURRENTLY IF NOT EXISTS ' : ''}${quoteIdent(ix.name)} ON ${quoteQualified(schema, table)} ${ix.using};`;
}

const sameIndex = (a: Index, b: Index) => a.unique === b.unique && a.using === b.using;

/**
 * Index changes of one relation. `existing` relations get `CREATE INDEX CONCURRENTLY` (outside any
 * transaction, so writes continue) unless `partitioned` (PostgreSQL cannot build those concurrently).
 */
export function diffIndexList(
  ctx: DiffContext,
  rel: { schema: string; name: string },
  from: Index[],
  to: Index[],
  mode: { existing: boolean; partitioned: boolean; createPhase?: Phase },
): void {
  const before = new Map(from.map((i) => [i.name, i]));
  const after = new Map(to.map((i) => [i.name, i]));
  const object = (ix: Index) => `${rel.schema}.${rel.name}.${ix.name}`;
  for (const ix of from) {
    const next = after.get(ix.name);
    if (next && sameIndex(ix, next)) continue;
    ctx.operations.push({
      phase: Phase.dropIndex,
      kind: 'drop index',
      object: object(ix),
      sql: `DROP INDEX ${quoteQualified(rel.schema, ix.name)};`,
      transaction: true,
    });
  }
  for (const ix of to) {
    const prev = before.get(ix.name);
    if (!prev || !sameIndex(prev, ix)) {
      const concurrently = mode.existing && !mode.partitioned;
      const op: Operation = {
        phase: concurrently ? Phase.concurrentIndex : (mode.createPhase ?? Phase.createIndex),
        kind: ix.unique ? 'create unique index' : 'create index',
        object: object(ix),
        sql: createIndexSql(rel.schema, rel.name, ix, concurrently),
        transaction: !concurrently,
      };
      if (mode.existing && mode.partitioned) {
        op.lock = `builds an index on partitioned ${rel.schema}.${rel.name} under a SHARE lock (writes wait; CONCURRENTLY is not possible on partitioned tables)`;
      }
      if (ix.unique && mode.existing) op.warning = `fails if existing rows of ${rel.schema}.${rel.name} have duplicates`;
      ctx.operations.push(op);
      if (ix.comment !== null) ctx.operations.push(indexComment(rel.schema, ix));
    } else if (prev.comment !== ix.comment) {
      ctx.operations.push(indexComment(rel.schema, ix));
    }
  }
}

function indexComment(schema: string, ix: Index): Operation {
  return {
    phase: Phase.comment,
    kind: 'comment',
    object: `${schema}.${ix.name}`,
    sql: `COMMENT ON INDEX ${quoteQualified(schema, ix.name)} IS ${literalOrNull(ix.comment)};`,
    transaction: true,
  };
}

/** Indexes of every table (materialized views are handled with the views). */
export function diffTableIndexes(ctx: DiffContext): void {
  for (const [key, b] of ctx.toTables) {
    const existing = ctx.fromTables.has(key) && !ctx.recreatedTables.has(key);
    const a = existing ? ctx.fromTables.get(key)!.indexes : [];
    diffIndexList(ctx, b, a, b.indexes, { existing, partitioned: b.kind === 'partitioned' });
  }
}
