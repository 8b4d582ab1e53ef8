import { Phase } from '../plan/operation.js';
import { literalOrNull, quoteQualified, quoteIdent, quoteLiteral } from '../sql/quote.js';
import type { Domain, EnumType } from '../snapshot/types.js';
import { type DiffContext, matchBy, relKey } from './context.js';

const OLD_SUFFIX = '__sb_old';

/**
 * Enums: new values with `ALTER TYPE … ADD VALUE` (never a rebuild); removed or reordered values by
 * renaming the old type, creating the new one, converting columns through text, then dropping the old.
 * Runs before the table diff, which converts the columns of recreated enums.
 */
export function diffEnums(ctx: DiffContext): void {
  const ops = ctx.operations;
  const m = matchBy(ctx.from.enums, ctx.to.enums, relKey);
  const create = (e: EnumType) => `CREATE TYPE ${quoteQualified(e.schema, e.name)} AS ENUM (${e.values.map(quoteLiteral).join(', ')});`;
  for (const e of m.added) {
    ops.push({ phase: Phase.createType, kind: 'create enum', object: `${e.schema}.${e.name}`, sql: create(e), transaction: true });
    if (e.comment !== null) comment(ctx, e);
  }
  for (const e of m.removed) {
    ops.push({ phase: Phase.dropType, kind: 'drop enum', object: `${e.schema}.${e.name}`, sql: `DROP TYPE ${quoteQualified(e.schema, e.name)};`, transaction: true });
  }
  for (const [a, b] of m.both) {
    if (a.comment !== b.comment) comment(ctx, b);
    if (a.values.join('\u0000') === b.values.join('\u0000')) continue;
    const object = `${b.schema}.${b.name}`;
    if (isOrderedSubset(a.values, b.values)) {
      b.values.forEach((value, i) => {
        if (a.values.includes(value)) return;
        const where = i > 0 ? `AFTER ${quoteLiteral(b.values[i - 1]!)}` : `BEFORE ${quoteLiteral(b.values[1]!)}`;
        ops.push({
          phase: Phase.alterEnum,
          kind: 'add enum value',
          object,
          sql: `ALTER TYPE ${quoteQualified(b.schema, b.name)} ADD VALUE ${quoteLiteral(value)} ${where};`,
          transaction: true,
        });
      });
      continue;
    }
    const removed = a.values.filter((v) => !b.values.includes(v));
    const old = `${b.name}${OLD_SUFFIX}`;
    ctx.recreatedEnums.add(b.typeName);
    ctx.invalidated.add(`type:${relKey(b)}`);
    ops.push({
      phase: Phase.recreateEnumStart,
      kind: 'recreate enum',
      object,
      sql: `ALTER TYPE ${quoteQualified(b.schema, b.name)} RENAME TO ${quoteIdent(old)};`,
      transaction: true,
      lock: 'rewrites every table with a column of this type (ACCESS EXCLUSIVE)',
      ...(removed.length > 0
        ? { destructive: `removes enum value(s) ${removed.map(quoteLiteral).join(', ')}: rows holding them make the migration fail` }
        : {}),
    });
    ops.push({ phase: Phase.recreateEnumStart, kind: 'recreate enum', object, sql: create(b), transaction: true });
    ops.push({ phase: Phase.recreateEnumEnd, kind: 'drop old enum', object, sql: `DROP TYPE ${quoteQualified(b.schema, old)};`, transaction: true });
  }
}

function comment(ctx: DiffContext, e: EnumType): void {
  ctx.operations.push({
    phase: Phase.comment,
    kind: 'comment',
    object: `${e.schema}.${e.name}`,
    sql: `COMMENT ON TYPE ${quoteQualified(e.schema, e.name)} IS ${literalOrNull(e.comment)};`,
    transaction: true,
  });
}

/** True when `to` is `from` with values inserted (none removed, order kept). */
function isOrderedSubset(from: string[], to: string[]): boolean {
  let i = 0;
  for (const v of to) if (i < from.length && v === from[i]) i++;
  return i === from.length && from.every((v) => to.includes(v));
}

/** Domains: create, drop, and ALTER DOMAIN for default, NOT NULL and checks. */
export function diffDomains(ctx: DiffContext): void {
  const ops = ctx.operations;
  const m = matchBy(ctx.from.domains, ctx.to.domains, relKey);
  const push = (d: Domain, phase: (typeof Phase)[keyof typeof Phase], kind: string, sql: string) =>
    ops.push({ phase, kind, object: `${d.schema}.${d.name}`, sql, transaction: true });
  const create = (d: Domain) => {
    const parts = [`CREATE DOMAIN ${quoteQualified(d.schema, d.name)} AS ${d.type}`];
    if (d.collation) parts.push(`COLLATE ${d.collation}`);
    if (d.default !== null) parts.push(`DEFAULT ${d.default}`);
    if (!d.nullable) parts.push('NOT NULL');
    for (const c of d.checks) parts.push(`CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
    push(d, Phase.createType, 'create domain', `${parts.join(' ')};`);
  };
  const drop = (d: Domain) => push(d, Phase.dropType, 'drop domain', `DROP DOMAIN ${quoteQualified(d.schema, d.name)};`);
  m.added.forEach(create);
  m.removed.forEach(drop);
  for (const [a, b] of m.both) {
    const name = quoteQualified(b.schema, b.name);
    if (a.type !== b.type || a.collation !== b.collation) {
      drop(a);
      create(b);
      ctx.invalidated.add(`type:${relKey(b)}`);
      continue;
    }
    if (a.default !== b.default) {
      push(b, Phase.createType, 'alter domain', b.default === null ? `ALTER DOMAIN ${name} DROP DEFAULT;` : `ALTER DOMAIN ${name} SET DEFAULT ${b.default};`);
    }
    if (a.nullable !== b.nullable) push(b, Phase.createType, 'alter domain', `ALTER DOMAIN ${name} ${b.nullable ? 'DROP' : 'SET'} NOT NULL;`);
    const checks = matchBy(a.checks, b.checks, (c) => `${c.name}\u0000${c.definition}`);
    for (const c of checks.removed) push(b, Phase.createType, 'alter domain', `ALTER DOMAIN ${name} DROP CONSTRAINT ${quoteIdent(c.name)};`);
    for (const c of checks.added) push(b, Phase.createType, 'alter domain', `ALTER DOMAIN ${name} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition};`);
  }
}
