import { type Operation, Phase } from '../plan/operation.js';
import { quoteQualified, quoteIdent } from '../sql/quote.js';
import type { Table } from '../snapshot/types.js';
import { type DiffContext, isExistingTable } from './context.js';

interface AnyConstraint {
  name: string;
  definition: string;
  validated: boolean;
  kind: 'primary key' | 'unique' | 'check' | 'exclusion' | 'foreign key';
  columns: string[];
  references?: string;
  refColumns: string[];
}

const memo = new WeakMap<Table, AnyConstraint[]>();

export function constraintsOf(t: Table): AnyConstraint[] {
  let list = memo.get(t);
  if (!list) memo.set(t, (list = collect(t)));
  return list;
}

function collect(t: Table): AnyConstraint[] {
  return [
    ...(t.primaryKey ? [{ ...t.primaryKey, validated: true, kind: 'primary key' as const, refColumns: [] }] : []),
    ...t.uniqueConstraints.map((c) => ({ name: c.name, definition: c.definition, columns: c.columns, validated: true, kind: 'unique' as const, refColumns: [] })),
    ...t.checks.map((c) => ({ name: c.name, definition: c.definition, columns: [], validated: c.validated, kind: 'check' as const, refColumns: [] })),
    ...t.exclusions.map((c) => ({ name: c.name, definition: c.definition, columns: [], validated: true, kind: 'exclusion' as const, refColumns: [] })),
    ...t.foreignKeys.map((c) => ({
      name: c.name,
      definition: c.definition,
      columns: c.columns,
      validated: c.validated,
      kind: 'foreign key' as const,
      references: quoteQualified(c.references.schema, c.references.table),
      refColumns: c.references.columns,
    })),
  ];
}

/**
 * PK, unique, check, exclusion and foreign-key constraints. On tables that already exist, checks and
 * foreign keys are added `NOT VALID` and then validated (a short lock, then a scan that lets writes through).
 */
export function diffConstraints(ctx: DiffContext): void {
  // Keys (PK / unique) that disappear or change: foreign keys pointing at them must be dropped first and re-added.
  const droppedKeys = new Set<string>();
  const plans: { a: Table | undefined; b: Table | undefined; key: string }[] = [];
  for (const key of new Set([...ctx.fromTables.keys(), ...ctx.toTables.keys()])) {
    const existing = isExistingTable(ctx, key);
    plans.push({ a: existing ? ctx.fromTables.get(key) : undefined, b: ctx.toTables.get(key), key });
    const before = ctx.fromTables.get(key);
    if (!before) continue;
    const after = existing ? constraintsOf(ctx.toTables.get(key)!) : [];
    for (const c of constraintsOf(before)) {
      if (c.kind !== 'primary key' && c.kind !== 'unique') continue;
      if (!after.some((x) => x.name === c.name && x.definition === c.definition)) droppedKeys.add(`${key}(${c.columns.join(',')})`);
    }
  }
  for (const { a, b, key } of plans) {
    const gone = ctx.fromTables.get(key);
    if (gone && !isExistingTable(ctx, key)) {
      // A dropped table's foreign keys go first: they may pin a key another table is changing.
      for (const fk of gone.foreignKeys) {
        ctx.operations.push({
          phase: Phase.dropForeignKey,
          kind: 'drop foreign key',
          object: `${gone.schema}.${gone.name}.${fk.name}`,
          sql: `ALTER TABLE ${quoteQualified(gone.schema, gone.name)} DROP CONSTRAINT ${quoteIdent(fk.name)};`,
          transaction: true,
        });
      }
    }
    if (!b) continue;
    const table = quoteQualified(b.schema, b.name);
    const before = new Map((a ? constraintsOf(a) : []).map((c) => [c.name, c]));
    const after = constraintsOf(b);
    const afterNames = new Set(after.map((c) => c.name));
    const drop = (c: AnyConstraint) =>
      ctx.operations.push({
        phase: c.kind === 'foreign key' ? Phase.dropForeignKey : Phase.dropConstraint,
        kind: `drop ${c.kind}`,
        object: `${b.schema}.${b.name}.${c.name}`,
        sql: `ALTER TABLE ${table} DROP CONSTRAINT ${quoteIdent(c.name)};`,
        transaction: true,
      });
    for (const c of before.values()) if (!afterNames.has(c.name)) drop(c);
    for (const c of after) {
      if (!a && isInline(c)) continue;
      const old = before.get(c.name);
      const refChanged = c.references !== undefined && c.references !== key && droppedKeys.has(`${c.references}(${c.refColumns.join(',')})`);
      if (old && old.definition === c.definition && !refChanged) {
        if (!old.validated && c.validated) ctx.operations.push(validate(table, b, c));
        if (old.validated === c.validated || c.validated) continue;
      }
      if (old) drop(old);
      add(ctx, table, b, c, a !== undefined);
    }
  }
}

function validate(table: string, b: Table, c: AnyConstraint): Operation {
  return {
    phase: Phase.validate,
    kind: `validate ${c.kind}`,
    object: `${b.schema}.${b.name}.${c.name}`,
    sql: `ALTER TABLE ${table} VALIDATE CONSTRAINT ${quoteIdent(c.name)};`,
    // Outside the transaction that added it: there, the ADD's lock would be held through the whole scan.
    transaction: false,
  };
}

/** Constraints written inside CREATE TABLE for a new table (foreign keys and NOT VALID checks come later). */
export function isInline(c: { kind: string; validated: boolean }): boolean {
  return c.kind !== 'foreign key' && c.validated;
}

function add(ctx: DiffContext, table: string, b: Table, c: AnyConstraint, existing: boolean): void {
  const object = `${b.schema}.${b.name}.${c.name}`;
  // PostgreSQL cannot add a NOT VALID foreign key to a partitioned table: there it is added and checked at once.
  const partitionedFk = c.kind === 'foreign key' && b.kind === 'partitioned';
  const notValid = (c.kind === 'check' || c.kind === 'foreign key') && (existing || !c.validated) && !partitionedFk;
  const op: Operation = {
    phase: c.kind === 'foreign key' ? Phase.addForeignKey : Phase.addConstraint,
    kind: `add ${c.kind}`,
    object,
    sql: `ALTER TABLE ${table} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}${notValid ? ' NOT VALID' : ''};`,
    transaction: true,
  };
  if (existing && (c.kind === 'primary key' || c.kind === 'unique' || c.kind === 'exclusion')) {
    op.lock = `builds an index on ${b.schema}.${b.name} under an ACCESS EXCLUSIVE lock (for a big table: CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … USING INDEX)`;
    op.warning = `fails if existing rows of ${b.schema}.${b.name} violate it`;
  }
  if (existing && partitionedFk) {
    op.lock = `checks every row of partitioned ${b.schema}.${b.name} while adding ${c.name} under a SHARE ROW EXCLUSIVE lock (writes wait; PostgreSQL cannot add it NOT VALID on a partitioned table)`;
  }
  ctx.operations.push(op);
  if (notValid && c.validated) {
    const v = validate(table, b, c);
    v.warning = `fails if existing rows of ${b.schema}.${b.name} violate it`;
    ctx.operations.push(v);
  }
}
