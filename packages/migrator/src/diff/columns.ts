import { Phase } from '../plan/operation.js';
import { literalOrNull, quoteQualified, quoteIdent } from '../sql/quote.js';
import type { Column, Table } from '../snapshot/types.js';
import { type DiffContext, relKey } from './context.js';
import { classifyTypeChange } from './type-change.js';

/** `"c" type COLLATE … GENERATED … DEFAULT … NOT NULL`, as in CREATE TABLE and ADD COLUMN. */
export function columnDefinition(c: Column): string {
  const parts = [quoteIdent(c.name), c.type];
  if (c.collation) parts.push(`COLLATE ${c.collation}`);
  if (c.generated !== null) parts.push(`GENERATED ALWAYS AS (${c.generated}) STORED`);
  if (c.identity) parts.push(`GENERATED ${c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${identityOptions(c)}`);
  if (c.default !== null) parts.push(`DEFAULT ${c.default}`);
  if (!c.nullable) parts.push('NOT NULL');
  return parts.join(' ');
}

/** ` (START WITH … CACHE … NO CYCLE)` for an identity with options, else empty. */
const identityOptions = (c: Column): string =>
  c.identityOptions && c.identityOptions !== `START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE ${TYPE_MAX[c.type] ?? ''} CACHE 1 NO CYCLE` ? ` (${c.identityOptions})` : '';
const TYPE_MAX: Record<string, string> = { smallint: '32767', integer: '2147483647', bigint: '9223372036854775807' };

const VOLATILE_DEFAULT = /\b(nextval|random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday)\s*\(/i;

/** The columns of a table present on both sides: ADD / DROP / ALTER COLUMN, in a lock-safe order. */
export function diffColumns(ctx: DiffContext, a: Table, b: Table): void {
  const table = quoteQualified(b.schema, b.name);
  const key = relKey(b);
  const fromCols = new Map(a.columns.map((c) => [c.name, c]));
  const toCols = new Map(b.columns.map((c) => [c.name, c]));
  const push = (col: string, kind: string, sql: string, extra: Record<string, string> = {}) =>
    ctx.operations.push({ phase: Phase.alterTable, kind, object: `${b.schema}.${b.name}.${col}`, sql: `ALTER TABLE ${table} ${sql};`, transaction: true, ...extra });

  for (const c of a.columns) {
    if (toCols.has(c.name) || !c.local) continue;
    ctx.droppedColumns.add(`${key}.${quoteIdent(c.name)}`);
    push(c.name, 'drop column', `DROP COLUMN ${quoteIdent(c.name)}`, c.generated === null ? { destructive: `drops column ${b.schema}.${b.name}.${c.name} and its data` } : {});
  }
  for (const c of b.columns) {
    const old = fromCols.get(c.name);
    if (!old) {
      if (c.local) addColumn(c);
      continue;
    }
    if (!old.local && !c.local) continue;
    if (!old.local && parentDrops(ctx, a, c.name)) {
      addColumn(c);
      continue;
    }
    alterColumn(old, c);
  }

  function addColumn(c: Column): void {
    const extra: Record<string, string> = {};
    if (c.generated !== null || c.identity || (c.default !== null && VOLATILE_DEFAULT.test(c.default))) {
      extra['lock'] = `rewrites ${b.schema}.${b.name} under an ACCESS EXCLUSIVE lock (volatile default, identity or generated column)`;
    }
    if (!c.nullable && c.default === null && !c.identity && c.generated === null) {
      extra['warning'] = `adds NOT NULL column ${c.name} without a default: fails if ${b.schema}.${b.name} has rows`;
    }
    push(c.name, 'add column', `ADD COLUMN ${columnDefinition(c)}`, extra);
    if (c.comment !== null) comment(c);
  }

  function comment(c: Column): void {
    ctx.operations.push({
      phase: Phase.comment,
      kind: 'comment',
      object: `${b.schema}.${b.name}.${c.name}`,
      sql: `COMMENT ON COLUMN ${table}.${quoteIdent(c.name)} IS ${literalOrNull(c.comment)};`,
      transaction: true,
    });
  }

  function alterColumn(x: Column, y: Column): void {
    const col = quoteIdent(y.name);
    const object = `${b.schema}.${b.name}.${y.name}`;
    if (y.generated !== null && x.generated !== y.generated) {
      // PostgreSQL 15 cannot turn a column into a generated one in place: drop and add it.
      push(y.name, 'drop column', `DROP COLUMN ${col}`, x.generated === null ? { destructive: `replaces the values of ${object} with a generated expression` } : {});
      addColumn(y);
      return;
    }
    const typeChanged = x.type !== y.type || x.collation !== y.collation || ctx.recreatedEnums.has(y.type.replace(/\[\]$/, ''));
    const defaultChanged = x.default !== y.default;
    if (x.default !== null && (typeChanged || defaultChanged || (y.identity && !x.identity))) push(y.name, 'drop default', `ALTER COLUMN ${col} DROP DEFAULT`);
    if (x.identity && !y.identity) push(y.name, 'drop identity', `ALTER COLUMN ${col} DROP IDENTITY`);
    if (x.generated !== null && y.generated === null) push(y.name, 'drop expression', `ALTER COLUMN ${col} DROP EXPRESSION`);
    if (typeChanged) {
      const change = classifyTypeChange(ctx, x, y);
      const collate = y.collation ? ` COLLATE ${y.collation}` : x.collation ? ' COLLATE pg_catalog."default"' : '';
      push(y.name, 'alter column type', `ALTER COLUMN ${col} TYPE ${y.type}${collate} USING ${change.using(col)}`, {
        ...(change.destructive ? { destructive: `changes ${object} from ${x.type} to ${y.type}: ${change.destructive}` } : {}),
        ...(change.rewrite ? { lock: `rewrites ${b.schema}.${b.name} under an ACCESS EXCLUSIVE lock (type change)` } : {}),
      });
      ctx.invalidated.add(`table:${key}`);
    }
    if (y.default !== null && (typeChanged || defaultChanged)) push(y.name, 'set default', `ALTER COLUMN ${col} SET DEFAULT ${y.default}`);
    if (x.nullable && !y.nullable) setNotNull(y, !x.identity && y.identity !== null);
    if (!x.nullable && y.nullable) push(y.name, 'drop not null', `ALTER COLUMN ${col} DROP NOT NULL`);
    if (!x.identity && y.identity) {
      push(y.name, 'add identity', `ALTER COLUMN ${col} ADD GENERATED ${y.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${identityOptions(y)}`);
    } else if (x.identity && y.identity) {
      if (x.identity !== y.identity) push(y.name, 'set identity', `ALTER COLUMN ${col} SET GENERATED ${y.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'}`);
      if (y.identityOptions && x.identityOptions !== y.identityOptions) {
        push(y.name, 'set identity options', `ALTER COLUMN ${col} ${y.identityOptions.replace(/(START WITH|INCREMENT BY|MINVALUE|MAXVALUE|CACHE|NO CYCLE|CYCLE)/g, 'SET $1')}`);
      }
    }
    if (x.comment !== y.comment) comment(y);
  }

  /**
   * SET NOT NULL without a long ACCESS EXCLUSIVE scan: a NOT VALID check (in the migration's transaction), then,
   * outside it, VALIDATE (writes continue), the cheap SET NOT NULL that uses the check, and the check dropped.
   * A column that becomes an identity needs NOT NULL at once: there the plain statement is used.
   */
  function setNotNull(c: Column, now: boolean): void {
    const col = quoteIdent(c.name);
    if (now) {
      push(c.name, 'set not null', `ALTER COLUMN ${col} SET NOT NULL`, { warning: `fails if ${b.schema}.${b.name}.${c.name} holds NULLs` });
      return;
    }
    const check = quoteIdent(`${c.name.slice(0, 48)}_sb_not_null`);
    push(c.name, 'set not null', `ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID`, {
      warning: `fails if ${b.schema}.${b.name}.${c.name} holds NULLs`,
    });
    const online = (sql: string) =>
      ctx.operations.push({ phase: Phase.alterTable, kind: 'set not null', object: `${b.schema}.${b.name}.${c.name}`, sql: `ALTER TABLE ${table} ${sql};`, transaction: false });
    online(`VALIDATE CONSTRAINT ${check}`);
    online(`ALTER COLUMN ${col} SET NOT NULL`);
    online(`DROP CONSTRAINT IF EXISTS ${check}`);
  }
}

/** True when a parent of `a` loses column `name`: the inherited copy goes with it and must be re-added. */
function parentDrops(ctx: DiffContext, a: Table, name: string): boolean {
  const parents = [...a.inherits, ...(a.partitionOf ? [quoteQualified(a.partitionOf.schema, a.partitionOf.table)] : [])];
  return parents.some((p) => {
    const before = ctx.fromTables.get(p);
    const after = ctx.toTables.get(p);
    return before?.columns.some((c) => c.name === name) && !after?.columns.some((c) => c.name === name);
  });
}
