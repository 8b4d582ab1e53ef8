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

/**
 * A foreign key added by this migration that needs a unique index built concurrently (in the
 * transaction:false file, which runs after the main one) would fail with "there is no unique constraint
 * matching given keys": that index is built inside the transaction instead, and the lock is reported.
 */
export function buildReferencedIndexesFirst(ctx: DiffContext): void {
  const fkAdded = new Set(ctx.operations.filter((op) => op.kind === 'add foreign key').map((op) => op.object));
  for (const b of ctx.toTables.values()) {
    for (const fk of b.foreignKeys) {
      if (!fkAdded.has(`${b.schema}.${b.name}.${fk.name}`)) continue;
      const ref = ctx.toTables.get(quoteQualified(fk.references.schema, fk.references.table));
      const wanted = [...fk.references.columns].sort().join(',');
      for (const ix of ref?.indexes ?? []) {
        if (!ix.unique || ix.predicate !== null || [...ix.columns].sort().join(',') !== wanted) continue;
        const op = ctx.operations.find((o) => o.object === `${ref!.schema}.${ref!.name}.${ix.name}` && o.phase === Phase.concurrentIndex);
        if (!op) continue;
        Object.assign(op, {
          phase: Phase.createIndex,
          transaction: true,
          sql: createIndexSql(ref!.schema, ref!.name, ix, false),
          lock: `builds unique index ${ix.name} on ${ref!.schema}.${ref!.name} inside the transaction under a SHARE lock (writes wait): foreign key ${fk.name} of the same migration needs it`,
        });
      }
    }
  }
}
