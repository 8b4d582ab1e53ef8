import { Phase } from '../plan/operation.js';
import { literalOrNull, quoteQualified } from '../sql/quote.js';
import type { View } from '../snapshot/types.js';
import type { DiffContext } from './context.js';
import { diffIndexList } from './indexes.js';

/**
 * The view text as compared: PostgreSQL 16+ prints `SELECT name FROM t` where 15 prints
 * `SELECT t.name FROM t`, so column prefixes naming a table the view reads are dropped, and
 * whitespace is collapsed.
 */
export function normalizeViewDefinition(view: View): string {
  let text = view.definition;
  for (const dep of view.dependsOn) {
    const m = /^(?:table|view):"(?:[^"]|"")*"\."((?:[^"]|"")*)"$/.exec(dep);
    if (!m) continue;
    const name = m[1]!.replaceAll('""', '"');
    const ident = /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
    text = text.replaceAll(new RegExp(`(^|[^.\\w"])${escapeRe(ident)}\\.(?=[\\w"])`, 'g'), '$1');
  }
  return text.replace(/\s+/g, ' ').trim();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Orders keys so that each comes after the keys it depends on (cycles are broken by name order). */
export function topoSort(keys: string[], deps: (key: string) => string[]): string[] {
  const wanted = new Set(keys);
  const out: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (k: string) => {
    if (state.get(k)) return;
    state.set(k, 'visiting');
    for (const d of deps(k)) if (wanted.has(d)) visit(d);
    state.set(k, 'done');
    out.push(k);
  };
  [...keys].sort().forEach(visit);
  return out;
}

const viewDeps = (v: View | undefined) => (v ? v.dependsOn.filter((d) => d.startsWith('view:')).map((d) => d.slice(5)) : []);

/**
 * Views and materialized views: dropped (dependents first) before anything they read changes, and
 * created again (dependencies first) after. A view is recreated when its text changed or anything it
 * reads is dropped, recreated or changes a column type.
 */
export function diffViews(ctx: DiffContext): void {
  const ops = ctx.operations;
  const recreate = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [key, a] of ctx.fromViews) {
      if (recreate.has(key)) continue;
      const b = ctx.toViews.get(key);
      const changed =
        !b ||
        a.materialized !== b.materialized ||
        normalizeViewDefinition(a) !== normalizeViewDefinition(b) ||
        a.options.join() !== b.options.join() ||
        JSON.stringify(a.columns) !== JSON.stringify(b.columns) ||
        a.dependsOn.some((d) => ctx.invalidated.has(d) || (d.startsWith('view:') && recreate.has(d.slice(5))));
      if (changed) {
        recreate.add(key);
        ctx.invalidated.add(`view:${key}`);
        grew = true;
      }
    }
  }
  const dropOrder = topoSort([...recreate], (k) => viewDeps(ctx.fromViews.get(k))).reverse();
  for (const key of dropOrder) {
    const v = ctx.fromViews.get(key)!;
    ops.push({
      phase: Phase.dropView,
      kind: v.materialized ? 'drop materialized view' : 'drop view',
      object: `${v.schema}.${v.name}`,
      sql: `DROP ${v.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${quoteQualified(v.schema, v.name)};`,
      transaction: true,
    });
  }
  const created = [...ctx.toViews.keys()].filter((k) => !ctx.fromViews.has(k) || recreate.has(k));
  for (const key of topoSort(created, (k) => viewDeps(ctx.toViews.get(k)))) {
    const v = ctx.toViews.get(key)!;
    const options = v.options.length > 0 ? ` WITH (${v.options.join(', ')})` : '';
    ops.push({
      phase: Phase.createView,
      kind: v.materialized ? 'create materialized view' : 'create view',
      object: `${v.schema}.${v.name}`,
      sql: `CREATE ${v.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${quoteQualified(v.schema, v.name)}${options} AS\n${v.definition.replace(/;\s*$/, '')};`,
      transaction: true,
      ...(v.materialized ? { lock: `computes materialized view ${v.schema}.${v.name} (runs its whole query)` } : {}),
    });
    diffIndexList(ctx, v, [], v.indexes, { existing: false, partitioned: false, createPhase: Phase.createView });
    if (v.comment !== null) viewComment(ctx, v);
  }
  for (const [key, b] of ctx.toViews) {
    const a = ctx.fromViews.get(key);
    if (!a || recreate.has(key)) continue;
    diffIndexList(ctx, b, a.indexes, b.indexes, { existing: true, partitioned: false });
    if (a.comment !== b.comment) viewComment(ctx, b);
  }
}

function viewComment(ctx: DiffContext, v: View): void {
  ctx.operations.push({
    phase: Phase.comment,
    kind: 'comment',
    object: `${v.schema}.${v.name}`,
    sql: `COMMENT ON ${v.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${quoteQualified(v.schema, v.name)} IS ${literalOrNull(v.comment)};`,
    transaction: true,
  });
}
