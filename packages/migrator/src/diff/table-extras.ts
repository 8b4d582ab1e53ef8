import { Phase } from '../plan/operation.js';
import { literalOrNull, quoteQualified, quoteIdent } from '../sql/quote.js';
import type { Grant, Policy, Trigger } from '../snapshot/types.js';
import type { DiffContext } from './context.js';

interface Relation {
  schema: string;
  name: string;
  triggers: Trigger[];
  grants: Grant[];
  comment: string | null;
  policies?: Policy[];
  rowLevelSecurity?: boolean;
  forceRowLevelSecurity?: boolean;
}

/** Relations (tables and views) of each side, and whether each target relation is new or recreated. */
function relations(ctx: DiffContext): { from: Map<string, Relation>; to: Map<string, Relation>; fresh: (key: string) => boolean } {
  const from = new Map<string, Relation>([...ctx.fromTables, ...ctx.fromViews]);
  const to = new Map<string, Relation>([...ctx.toTables, ...ctx.toViews]);
  const fresh = (key: string) => !from.has(key) || ctx.recreatedTables.has(key) || ctx.invalidated.has(`view:${key}`);
  return { from, to, fresh };
}

function createPolicy(table: string, p: Policy): string {
  const parts = [`CREATE POLICY ${quoteIdent(p.name)} ON ${table}`, `AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'}`, `FOR ${p.command}`];
  parts.push(`TO ${p.roles.join(', ')}`);
  if (p.using !== null) parts.push(`USING (${p.using})`);
  if (p.withCheck !== null) parts.push(`WITH CHECK (${p.withCheck})`);
  return `${parts.join(' ')};`;
}

const grantee = (g: Grant) => (g.grantee === 'PUBLIC' ? 'PUBLIC' : quoteIdent(g.grantee));
const grantKey = (g: Grant) => `${g.grantee}\u0000${g.privilege}\u0000${g.grantable}`;

/** Triggers, row-level security and policies, privileges and comments of tables and views. */
export function diffTableExtras(ctx: DiffContext): void {
  const ops = ctx.operations;
  const { from, to, fresh } = relations(ctx);
  for (const [key, b] of to) {
    const isNew = fresh(key);
    const a = isNew ? undefined : from.get(key);
    const old = from.get(key);
    const rel = quoteQualified(b.schema, b.name);
    const object = (name: string) => `${b.schema}.${b.name}.${name}`;
    // Triggers: dropped early, created late; recreated with their relation or function.
    const before = new Map((a?.triggers ?? []).map((t) => [t.name, t]));
    const stale = (t: Trigger) => ctx.invalidated.has(`function:${t.function}`);
    for (const t of old?.triggers ?? []) {
      const next = b.triggers.find((x) => x.name === t.name);
      if (!next || next.definition !== t.definition || stale(t) || isNew) {
        if (!ctx.recreatedTables.has(key)) {
          ops.push({ phase: Phase.dropTrigger, kind: 'drop trigger', object: object(t.name), sql: `DROP TRIGGER ${quoteIdent(t.name)} ON ${rel};`, transaction: true });
        }
      }
    }
    for (const t of b.triggers) {
      const prev = before.get(t.name);
      if (!prev || prev.definition !== t.definition || stale(t)) {
        ops.push({ phase: Phase.createTrigger, kind: 'create trigger', object: object(t.name), sql: `${t.definition};`, transaction: true });
      }
    }
    // Row-level security and policies (tables only).
    if (b.policies) {
      if ((a?.rowLevelSecurity ?? false) !== b.rowLevelSecurity) {
        ops.push({ phase: Phase.rowLevelSecurity, kind: 'row level security', object: `${b.schema}.${b.name}`, sql: `ALTER TABLE ${rel} ${b.rowLevelSecurity ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`, transaction: true });
      }
      if ((a?.forceRowLevelSecurity ?? false) !== b.forceRowLevelSecurity) {
        ops.push({ phase: Phase.rowLevelSecurity, kind: 'row level security', object: `${b.schema}.${b.name}`, sql: `ALTER TABLE ${rel} ${b.forceRowLevelSecurity ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`, transaction: true });
      }
      const prevPolicies = new Map((a?.policies ?? []).map((p) => [p.name, p]));
      const nextPolicies = new Map(b.policies.map((p) => [p.name, p]));
      for (const p of a?.policies ?? []) {
        const next = nextPolicies.get(p.name);
        if (!next || JSON.stringify(next) !== JSON.stringify(p)) {
          ops.push({ phase: Phase.dropPolicy, kind: 'drop policy', object: object(p.name), sql: `DROP POLICY ${quoteIdent(p.name)} ON ${rel};`, transaction: true });
        }
      }
      for (const p of b.policies) {
        const prev = prevPolicies.get(p.name);
        if (!prev || JSON.stringify(prev) !== JSON.stringify(p)) {
          ops.push({ phase: Phase.createPolicy, kind: 'create policy', object: object(p.name), sql: createPolicy(rel, p), transaction: true });
        }
      }
    }
    // Privileges.
    const prevGrants = new Set((a?.grants ?? []).map(grantKey));
    const nextGrants = new Set(b.grants.map(grantKey));
    for (const g of a?.grants ?? []) {
      if (!nextGrants.has(grantKey(g))) {
        ops.push({ phase: Phase.grant, kind: 'revoke', object: `${b.schema}.${b.name}`, sql: `REVOKE ${g.privilege} ON TABLE ${rel} FROM ${grantee(g)};`, transaction: true });
      }
    }
    for (const g of b.grants) {
      if (!prevGrants.has(grantKey(g))) {
        ops.push({
          phase: Phase.grant,
          kind: 'grant',
          object: `${b.schema}.${b.name}`,
          sql: `GRANT ${g.privilege} ON TABLE ${rel} TO ${grantee(g)}${g.grantable ? ' WITH GRANT OPTION' : ''};`,
          transaction: true,
        });
      }
    }
    if (b.policies && (a?.comment ?? null) !== b.comment) {
      ops.push({ phase: Phase.comment, kind: 'comment', object: `${b.schema}.${b.name}`, sql: `COMMENT ON TABLE ${rel} IS ${literalOrNull(b.comment)};`, transaction: true });
    }
    if (b.policies && isNew) {
      for (const c of (b as { columns?: { name: string; comment: string | null }[] }).columns ?? []) {
        if (c.comment !== null) {
          ops.push({ phase: Phase.comment, kind: 'comment', object: object(c.name), sql: `COMMENT ON COLUMN ${rel}.${quoteIdent(c.name)} IS ${literalOrNull(c.comment)};`, transaction: true });
        }
      }
    }
  }
}
