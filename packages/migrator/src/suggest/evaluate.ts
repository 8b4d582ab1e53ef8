import { parse } from 'libpg-query';
import type { CatalogTables, IndexInfo } from '../workload/catalog.js';
import type { Queryable } from '../connection/queryable.js';
import { candidatesFor, coveringFor, type Candidate } from './candidates.js';
import { planCost } from './explain.js';
import { dropHypothetical, hypotheticalIndex } from './hypopg.js';
import type { WorkloadQuery } from './queries.js';
import { shapeOf, type TableRef, type TableUse } from '../workload/shape.js';

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
  tried?: Array<{ columns: string; include?: string; table: string; cost: number; used: boolean }>;
}

export interface EvaluateContext {
  db: Queryable;
  catalog: CatalogTables;
  existing: IndexInfo[];
  hypopg: boolean;
  minImprovement: number;
}

const KINDS = new Set(['SelectStmt', 'UpdateStmt', 'DeleteStmt']);

/**
 * Derives candidates for a query and, with HypoPG, keeps the one that lowers the planner cost the most
 * (the fewest columns within 5% of the best), then tries it as a covering index.
 */
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
  const candidates: Tried[] = [];
  for (const use of shapeOf(stmt, resolve)) {
    for (const c of candidatesFor(use, ctx.catalog, ctx.existing)) {
      if (!seen.has(key(c))) candidates.push({ c, use, cost: Infinity, used: false });
      seen.add(key(c));
    }
  }
  if (candidates.length === 0) return { ...q, status: 'no-candidate', reason: 'no filter, join or sort column without an index' };
  if (!ctx.hypopg) return { ...q, status: 'unverified', index: candidates[0]!.c };
  await ctx.db.query('savepoint sb_query');
  try {
    const report = await verify(ctx, { ...q, ...pageSized(q.query, stmt) }, maxParam(stmt), candidates);
    await ctx.db.query('release savepoint sb_query');
    return report;
  } catch (error) {
    await ctx.db.query('rollback to savepoint sb_query');
    return { ...q, status: 'skipped', reason: `cannot plan it: ${(error as Error).message}` };
  }
}

interface Tried {
  c: Candidate;
  use: TableUse;
  cost: number;
  used: boolean;
}

/** The query as planned: `planned` replaces `LIMIT $n`/`OFFSET $n` by constants, `removed` lists those parameters. */
type PlannedQuery = WorkloadQuery & { planned?: string; removed?: Set<number> };

/** Costs every candidate as a hypothetical index and picks the best. */
async function verify(ctx: EvaluateContext, query: PlannedQuery, params: number, candidates: Tried[]): Promise<QueryReport> {
  const { planned, removed, ...q } = query;
  const text = planned ?? q.query;
  const before = await planCost(ctx.db, text, params, removed);
  const tried: NonNullable<QueryReport['tried']> = [];
  const cost = async (t: Tried): Promise<Tried> => {
    const hypo = await hypotheticalIndex(ctx.db, t.c);
    const after = await planCost(ctx.db, text, params, removed);
    await dropHypothetical(ctx.db, hypo.id);
    Object.assign(t, { cost: after.cost, used: after.plan.includes(hypo.name) });
    tried.push({ table: `${t.c.schema}.${t.c.table}`, columns: t.c.columns.join(', '), ...(t.c.include ? { include: t.c.include.join(', ') } : {}), cost: t.cost, used: t.used });
    return t;
  };
  for (const t of candidates) await cost(t);
  const usable = candidates.filter((t) => t.used && t.cost < before.cost);
  const bestCost = Math.min(...usable.map((t) => t.cost));
  // The fewest columns within 5% of the lowest cost: a wider index must earn its size.
  let best = usable.filter((t) => t.cost <= bestCost * 1.05).sort((a, b) => a.c.columns.length - b.c.columns.length || a.cost - b.cost)[0];
  const covering = best && coveringFor(best.c, best.use);
  if (best && covering) {
    const t = await cost({ c: covering, use: best.use, cost: Infinity, used: false });
    // INCLUDE columns are kept only when they cut the cost by another 10% (an index-only scan).
    if (t.used && t.cost <= best.cost * 0.9) best = t;
  }
  const report: QueryReport = { ...q, status: 'no-gain', costBefore: round(before.cost), tried };
  if (!best) return { ...report, reason: 'the planner uses none of the candidate indexes' };
  report.costAfter = round(best.cost);
  report.index = best.c;
  if ((before.cost - best.cost) / before.cost >= ctx.minImprovement) report.status = 'improved';
  else report.reason = `cost drops by ${(100 * (1 - best.cost / before.cost)).toFixed(0)}%, below the ${Math.round(ctx.minImprovement * 100)}% bar`;
  return report;
}

function key(c: Candidate): string {
  return `${c.schema}.${c.table}(${c.columns.join(',')})${c.include ? ` include (${c.include.join(',')})` : ''}`;
}

/** A LIMIT parameter is costed as this many rows: a page. (A generic plan would assume 10% of the table.) */
const PAGE = 10;

/**
 * `LIMIT $n` → `LIMIT 10` and `OFFSET $n` → `OFFSET 0` in the outer query. A generic plan cannot know a LIMIT
 * parameter and costs it as 10% of the rows, which hides what an index in ORDER BY order is for: stopping early.
 */
function pageSized(query: string, stmt: Record<string, unknown>): { planned?: string; removed?: Set<number> } {
  const select = stmt['SelectStmt'] as Record<string, unknown> | undefined;
  const edits: Array<{ at: number; param: number; text: string }> = [];
  for (const [field, text] of [['limitCount', String(PAGE)], ['limitOffset', '0']] as const) {
    const ref = (select?.[field] as { ParamRef?: { number?: number; location?: number } } | undefined)?.ParamRef;
    if (ref?.number && ref.location !== undefined) edits.push({ at: ref.location, param: ref.number, text });
  }
  if (edits.length === 0) return {};
  let bytes = Buffer.from(query, 'utf8');
  for (const e of edits.sort((a, b) => b.at - a.at)) {
    const len = Buffer.byteLength(`$${e.param}`);
    bytes = Buffer.concat([bytes.subarray(0, e.at), Buffer.from(e.text), bytes.subarray(e.at + len)]);
  }
  return { planned: bytes.toString('utf8'), removed: new Set(edits.map((e) => e.param)) };
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
