import type { Queryable } from '../connection/queryable.js';

/** The planner's estimate for a query, and the plan's text (to see which indexes it uses). */
export interface PlanCost {
  cost: number;
  plan: string;
}

let counter = 0;

/**
 * EXPLAIN (no ANALYZE: nothing runs) of a query. A query with `$n` parameters — as pg_stat_statements
 * stores them — is prepared and explained as a generic plan (`plan_cache_mode = force_generic_plan`), so the
 * planner costs it for any parameter value, like dexter does on PostgreSQL < 16. `removed` lists parameters
 * the caller replaced by constants in `query`.
 */
export async function planCost(db: Queryable, query: string, params: number, removed: ReadonlySet<number> = new Set()): Promise<PlanCost> {
  let rows: Array<Record<string, unknown>>;
  if (params === 0) {
    rows = (await db.query(`explain (format json) ${query}`)).rows;
  } else {
    const name = `sb_suggest_${process.pid}_${++counter}`;
    // Parameters the caller replaced by constants are declared (so the numbering holds) but unused.
    const types = Array.from({ length: params }, (_, i) => (removed.has(i + 1) ? 'int8' : 'unknown')).join(', ');
    await db.query(`prepare ${name} (${types}) as ${query}`);
    try {
      rows = (await db.query(`explain (format json) execute ${name}(${Array.from({ length: params }, () => 'null').join(', ')})`)).rows;
    } finally {
      await db.query(`deallocate ${name}`);
    }
  }
  const json = rows[0]?.['QUERY PLAN'] as Array<{ Plan: { 'Total Cost': number } }>;
  return { cost: json[0]!.Plan['Total Cost'], plan: JSON.stringify(json) };
}
