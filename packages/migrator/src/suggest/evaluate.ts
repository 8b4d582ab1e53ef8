import { parse } from 'libpg-query';
import type { CatalogTables, IndexInfo } from '../workload/catalog.js';
import type { Queryable } from '../connection/queryable.js';
import { candidatesFor, type Candidate } from './candidates.js';
import { planCost } from './explain.js';
import { dropHypothetical, hypotheticalIndex } from './hypopg.js';
import type { WorkloadQuery } from './queries.js';
import { shapeOf, type TableRef } from '../workload/shape.js';

/** What happened to one query. */
export interface QueryReport extends WorkloadQuery {
  status: 'improved' | 'no-gain' | 'no-candidate' | 'unverified' | 'skipped';
  reason?: string;
  /** Planner cost without / with the chosen index (HypoPG). */
  costBefore?: number;
  costAfter?: number;
  /** The chosen index for this query. */
  index?: Candidate;
  /** Every candidate tried, with its cost (HypoPG). */
  tried?: Array<{ columns: string; table: string; cost: number; used: boolean }>;
}

export interface EvaluateContext {
  db: Queryable;
  catalog: CatalogTables;
  existing: IndexInfo[];
  hypopg: boolean;
  minImprovement: number;
}

const KINDS = new Set(['SelectStmt', 'UpdateStmt', 'DeleteStmt']);

/** Derives candidates for a query and, with HypoPG, keeps the one that lowers the planner cost the most. */
export async function evaluateQuery(ctx: EvaluateContext, q: WorkloadQuery): Promise<QueryReport> {
  let stmt: Record<string, unknown>;
  try {
    const parsed = await parse(q.query);
    if ((parsed.stmts ?? []).length !== 1) return { ...q, status: 'skipped', reason: 'not a single statement' };
    stmt = (parsed.stmts![0]!.stmt ?? {}) as Record<string, unknown>;
  } catch (error) {
    return { ...q, status: 'skipped', reason: `cannot parse: ${(error as Error).message}` };
  }
  const kind = Object.keys(stmt)[0] ?? '';
  if (!KINDS.has(kind)) return { ...q, status: 'skipped', reason: `${kind.replace(/Stmt$/, '').toUpperCase()}: only SELECT, UPDATE and DELETE are planned` };
  const resolve = (tables: TableRef[], column: string) =>
    tables.find((t) => {
      const schema = t.schema ?? ctx.catalog.searchPath.find((s) => ctx.catalog.columns.has(`${s}.${t.name}`));
      return ctx.catalog.columns.get(`${schema}.${t.name}`)?.has(column);
    });
  const seen = new Set<string>();
  const candidates = shapeOf(stmt, resolve)
    .flatMap((use) => candidatesFor(use, ctx.catalog, ctx.existing))
    .filter((c) => !seen.has(key(c)) && Boolean(seen.add(key(c))));
  if (candidates.length === 0) return { ...q, status: 'no-candidate', reason: 'no filter, join or sort column without an index' };
  if (!ctx.hypopg) return { ...q, status: 'unverified', index: candidates[0]! };
  const params = maxParam(stmt);
  await ctx.db.query('savepoint sb_query');
  try {
    const before = await planCost(ctx.db, q.query, params);
    const tried: NonNullable<QueryReport['tried']> = [];
    for (const c of candidates) {
      const hypo = await hypotheticalIndex(ctx.db, c);
      const after = await planCost(ctx.db, q.query, params);
      await dropHypothetical(ctx.db, hypo.id);
      tried.push({ table: `${c.schema}.${c.table}`, columns: c.columns.join(', '), cost: after.cost, used: after.plan.includes(hypo.name) });
    }
    await ctx.db.query('release savepoint sb_query');
    const usable = tried.map((t, i) => ({ t, c: candidates[i]! })).filter(({ t }) => t.used && t.cost < before.cost);
    const bestCost = Math.min(...usable.map(({ t }) => t.cost));
    const best = usable
      .filter(({ t }) => t.cost <= bestCost * 1.05)
      .sort((a, b) => a.c.columns.length - b.c.columns.length || a.t.cost - b.t.cost)[0];
    const report: QueryReport = { ...q, status: 'no-gain', costBefore: round(before.cost), tried };
    if (!best) return { ...report, reason: 'the planner uses none of the candidate indexes' };
    report.costAfter = round(best.t.cost);
    report.index = best.c;
    if ((before.cost - best.t.cost) / before.cost >= ctx.minImprovement) report.status = 'improved';
    else report.reason = `cost drops by ${(100 * (1 - best.t.cost / before.cost)).toFixed(0)}%, below the ${Math.round(ctx.minImprovement * 100)}% bar`;
    return report;
  } catch (error) {
    await ctx.db.query('rollback to savepoint sb_query');
    return { ...q, status: 'skipped', reason: `cannot plan it: ${(error as Error).message}` };
  }
}

function key(c: Candidate): string {
  return `${c.schema}.${c.table}(${c.columns.join(',')})`;
}

function maxParam(node: unknown): number {
  if (Array.isArray(node)) return Math.max(0, ...node.map(maxParam));
  if (!node || typeof node !== 'object') return 0;
  const ref = (node as Record<string, unknown>)['ParamRef'] as { number?: number } | undefined;
  const own = ref?.number ?? 0;
  return Math.max(own, ...Object.values(node).map(maxParam));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
