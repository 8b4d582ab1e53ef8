import { MigratorError } from '../errors.js';
import { Phase } from '../plan/operation.js';
import { quoteQualified, quoteIdent } from '../sql/quote.js';
import type { Table } from '../snapshot/types.js';
import { columnDefinition, diffColumns } from './columns.js';
import { constraintsOf, isInline } from './constraints.js';
import { type DiffContext, isExistingTable, relKey } from './context.js';

const parentKey = (t: Table) => (t.partitionOf ? quoteQualified(t.partitionOf.schema, t.partitionOf.table) : null);

/** Parents before children (partitions and inheritance), then by name. */
function byDepth(tables: Table[], all: Map<string, Table>): Table[] {
  const depth = (t: Table, seen = new Set<string>()): number => {
    const parents = [...t.inherits, ...(parentKey(t) ? [parentKey(t)!] : [])];
    if (seen.has(relKey(t))) return 0;
    seen.add(relKey(t));
    return parents.reduce((d, p) => Math.max(d, 1 + (all.get(p) ? depth(all.get(p)!, seen) : 0)), 0);
  };
  return [...tables].sort((x, y) => depth(x) - depth(y) || relKey(x).localeCompare(relKey(y)));
}

/** Decides which tables must be dropped and created again: their kind or partition key changed. */
export function findRecreatedTables(ctx: DiffContext): void {
  for (const [key, b] of ctx.toTables) {
    const a = ctx.fromTables.get(key);
    if (a && a.kind === 'partitioned' && b.kind === 'partitioned' && a.partitionKey !== b.partitionKey) {
      throw new MigratorError(
        'MIGRATOR_UNSUPPORTED_CHANGE',
        `${a.schema}.${a.name}: PostgreSQL cannot change a partition key in place (PARTITION BY ${a.partitionKey} → ${b.partitionKey}): create a new partitioned table, copy the rows, and swap the names in a migration of your own`,
      );
    }
    if (a && (a.kind !== b.kind || a.partitionKey !== b.partitionKey)) ctx.recreatedTables.add(key);
  }
  for (const [key, a] of ctx.fromTables) {
    if (!ctx.toTables.has(key) || ctx.recreatedTables.has(key)) {
      ctx.invalidated.add(`table:${key}`);
      for (const c of a.columns) ctx.droppedColumns.add(`${key}.${quoteIdent(c.name)}`);
    }
  }
}

/** CREATE TABLE for a table new on the target (columns only; constraints and indexes come later). */
export function createTableSql(t: Table): string {
  const name = quoteQualified(t.schema, t.name);
  const partitionBy = t.partitionKey ? ` PARTITION BY ${t.partitionKey}` : '';
  if (t.partitionOf) {
    const own = constraintsOf(t).filter(isInline).map((c) => `  CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
    const body = own.length > 0 ? ` (\n${own.join(',\n')}\n)` : '';
    return `CREATE TABLE ${name} PARTITION OF ${quoteQualified(t.partitionOf.schema, t.partitionOf.table)}${body} ${t.partitionOf.bound}${partitionBy};`;
  }
  const cols = t.columns.filter((c) => c.local).map((c) => `  ${columnDefinition(c)}`);
  for (const c of constraintsOf(t).filter(isInline)) cols.push(`  CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
  const inherits = t.inherits.length > 0 ? ` INHERITS (${t.inherits.join(', ')})` : '';
  const body = cols.length > 0 ? `(\n${cols.join(',\n')}\n)` : '()';
  return `CREATE ${t.unlogged ? 'UNLOGGED ' : ''}TABLE ${name} ${body}${inherits}${partitionBy};`;
}

/** Tables: create, drop, recreate, attach/detach partitions, inheritance, logged-ness, then columns. */
export function diffTables(ctx: DiffContext): void {
  const ops = ctx.operations;
  const dropped = [...ctx.fromTables].filter(([k]) => !ctx.toTables.has(k) || ctx.recreatedTables.has(k)).map(([, t]) => t);
  for (const t of byDepth(dropped, ctx.fromTables).reverse()) {
    const recreated = ctx.recreatedTables.has(relKey(t));
    if (t.partitionOf) {
      // Detached first: a partition that cloned foreign keys reference cannot be dropped while attached.
      ops.push({ phase: Phase.detachBeforeDrop, kind: 'detach partition', object: `${t.schema}.${t.name}`, sql: `ALTER TABLE ${parentKey(t)} DETACH PARTITION ${quoteQualified(t.schema, t.name)};`, transaction: true });
    }
    ops.push({
      phase: Phase.dropTable,
      kind: recreated ? 'recreate table' : 'drop table',
      object: `${t.schema}.${t.name}`,
      sql: `DROP TABLE ${quoteQualified(t.schema, t.name)};`,
      transaction: true,
      destructive: recreated
        ? `recreates ${t.schema}.${t.name} (${t.kind} → ${ctx.toTables.get(relKey(t))?.kind ?? '?'}): its rows are lost`
        : `drops table ${t.schema}.${t.name} and all its rows`,
    });
  }
  const created = [...ctx.toTables].filter(([k]) => !ctx.fromTables.has(k) || ctx.recreatedTables.has(k)).map(([, t]) => t);
  for (const t of byDepth(created, ctx.toTables)) {
    ops.push({ phase: Phase.createTable, kind: 'create table', object: `${t.schema}.${t.name}`, sql: createTableSql(t), transaction: true });
  }
  const existing = [...ctx.toTables].filter(([k]) => isExistingTable(ctx, k)).map(([, t]) => t);
  for (const b of byDepth(existing, ctx.toTables)) {
    const a = ctx.fromTables.get(relKey(b))!;
    alterTable(ctx, a, b);
    diffColumns(ctx, a, b);
  }
  for (const [k, b] of ctx.toTables) replicaIdentity(ctx, isExistingTable(ctx, k) ? ctx.fromTables.get(k) : undefined, b);
}

/**
 * `REPLICA IDENTITY`: after the indexes; when it names an index this migration builds concurrently, it
 * goes to the transaction:false file right after that index.
 */
function replicaIdentity(ctx: DiffContext, a: Table | undefined, b: Table): void {
  const want = b.replicaIdentity ?? 'DEFAULT';
  if (want === (a?.replicaIdentity ?? 'DEFAULT')) return;
  const index = b.indexes.find((ix) => want === `USING INDEX ${quoteIdent(ix.name)}`);
  const built = a !== undefined && index !== undefined && !a.indexes.some((ix) => ix.name === index.name && ix.using === index.using);
  ctx.operations.push({
    phase: built ? Phase.afterConcurrentIndex : Phase.replicaIdentity,
    kind: 'replica identity',
    object: `${b.schema}.${b.name}`,
    sql: `ALTER TABLE ${quoteQualified(b.schema, b.name)} REPLICA IDENTITY ${want};`,
    transaction: !built,
  });
}

function alterTable(ctx: DiffContext, a: Table, b: Table): void {
  const name = quoteQualified(b.schema, b.name);
  const object = `${b.schema}.${b.name}`;
  const push = (phase: Phase, kind: string, sql: string, lock?: string) =>
    ctx.operations.push({ phase, kind, object, sql, transaction: true, ...(lock ? { lock } : {}) });
  const aParent = a.partitionOf ? `${parentKey(a)} ${a.partitionOf.bound}` : null;
  const bParent = b.partitionOf ? `${parentKey(b)} ${b.partitionOf.bound}` : null;
  if (aParent !== bParent) {
    if (a.partitionOf) push(Phase.detachBeforeDrop, 'detach partition', `ALTER TABLE ${parentKey(a)} DETACH PARTITION ${name};`);
    if (b.partitionOf) {
      push(Phase.attachPartition, 'attach partition', `ALTER TABLE ${parentKey(b)} ATTACH PARTITION ${name} ${b.partitionOf.bound};`,
        `scans ${object} to check the partition bound (ACCESS EXCLUSIVE on it; add a matching CHECK first to skip the scan)`);
    }
  }
  for (const parent of a.inherits.filter((p) => !b.inherits.includes(p))) push(Phase.detachPartition, "no inherit", `ALTER TABLE ${name} NO INHERIT ${parent};`);
  for (const parent of b.inherits.filter((p) => !a.inherits.includes(p))) push(Phase.attachPartition, "inherit", `ALTER TABLE ${name} INHERIT ${parent};`);
  if (a.unlogged !== b.unlogged) {
    push(Phase.alterTable, b.unlogged ? 'set unlogged' : 'set logged', `ALTER TABLE ${name} SET ${b.unlogged ? 'UNLOGGED' : 'LOGGED'};`,
      `rewrites ${object} under an ACCESS EXCLUSIVE lock`);
  }
}
