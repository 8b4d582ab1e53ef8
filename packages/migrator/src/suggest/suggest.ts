import { catalogTables, listIndexes } from '../workload/catalog.js';
import { createIndexSql } from '../workload/index-ddl.js';
import { writeMigrationFiles } from '../migration-file/write.js';
import { connect } from '../connection/connect.js';
import { describeTarget } from '../connection/target.js';
import { statementsAvailable, untrackSession } from '../workload/statements.js';
import { MigratorError } from '../errors.js';
import type { RunControl } from '@sb/errors';
import { checkAborted } from '../abort.js';
import { evaluateQuery, type QueryReport } from './evaluate.js';
import { enableHypopg } from './hypopg.js';
import { queriesFromFile, queriesFromStatements, type WorkloadQuery } from './queries.js';

/** Options for {@link suggestIndexes}. */
export interface SuggestOptions {
  connectionString: string;
  /** A SQL file of queries; default: the top queries by total time from pg_stat_statements. */
  queries?: string;
  /** How many pg_stat_statements queries to consider. Default 20. */
  top?: number;
  /** Keep an index only if it lowers the planner cost by at least this share. Default 0.3 (30%). */
  minImprovement?: number;
  /** Verify with HypoPG when available (default true); false labels every suggestion unverified. */
  verify?: boolean;
  /** Write the suggested indexes as a migration (CREATE INDEX CONCURRENTLY, down drops them) into this directory. */
  output?: string;
}

/** One suggested index and the queries it speeds up. */
export interface IndexSuggestion {
  schema: string;
  table: string;
  /** Key columns, in order. */
  columns: string[];
  /** Covering columns (`INCLUDE`), when they let the planner answer from the index alone. */
  include?: string[];
  indexName: string;
  sql: string;
  down: string;
  /** True when HypoPG showed the planner uses it and the cost drops by at least `minImprovement`. */
  verified: boolean;
  queries: Array<{ query: string; costBefore?: number; costAfter?: number; improvement?: number }>;
}

export interface SuggestResult {
  target: string;
  source: 'pg_stat_statements' | 'file';
  hypopg: { available: boolean; reason?: string };
  minImprovement: number;
  queries: QueryReport[];
  suggestions: IndexSuggestion[];
  /** Path of the migration written with `output`. */
  migration?: string;
}

/**
 * Suggests indexes for a workload: queries from pg_stat_statements (top by total time) or a file, parsed
 * with the PostgreSQL parser; candidates from filters, joins and sort order; each verified with HypoPG
 * (kept only when the planner uses it and the cost drops by `minImprovement`), or labelled unverified.
 * Everything runs in a transaction that is rolled back: the database is not changed.
 *
 * @example
 * ```ts
 * const r = await suggestIndexes({ connectionString: url, output: 'migrations' });
 * for (const s of r.suggestions) console.log(s.sql, s.queries[0]?.costBefore, '→', s.queries[0]?.costAfter);
 * ```
 */
export async function suggestIndexes(options: SuggestOptions, control: RunControl = {}): Promise<SuggestResult> {
  const minImprovement = options.minImprovement ?? 0.3;
  if (!(minImprovement > 0 && minImprovement < 1)) {
    throw new MigratorError('MIGRATOR_INVALID_OPTION', `minImprovement: expected a share between 0 and 1, got ${minImprovement}`);
  }
  const fileQueries = options.queries ? await queriesFromFile(options.queries) : undefined;
  const db = await connect({ connectionString: options.connectionString, applicationName: 'sb suggest-indexes' });
  const result: SuggestResult = {
    target: describeTarget(options.connectionString),
    source: fileQueries ? 'file' : 'pg_stat_statements',
    hypopg: { available: false },
    minImprovement,
    queries: [],
    suggestions: [],
  };
  try {
    await untrackSession(db);
    let workload: WorkloadQuery[];
    if (fileQueries) workload = fileQueries;
    else {
      const stats = await statementsAvailable(db);
      if (!stats.available) throw new MigratorError('MIGRATOR_INVALID_OPTION', `no queries: ${stats.reason} (or pass a file with --queries)`);
      workload = await queriesFromStatements(db, options.top ?? 20);
    }
    await db.query('begin');
    try {
      result.hypopg = options.verify === false ? { available: false, reason: 'verification turned off' } : await enableHypopg(db);
      await db.query(`set local plan_cache_mode = force_generic_plan`);
      const ctx = { db, catalog: await catalogTables(db), existing: await listIndexes(db), hypopg: result.hypopg.available, minImprovement };
      for (const [i, q] of workload.entries()) {
        checkAborted(control.signal, 'suggestIndexes');
        control.onProgress?.({ phase: 'query', message: `query ${i + 1}/${workload.length}`, done: i, total: workload.length });
        result.queries.push(await evaluateQuery(ctx, q));
      }
    } finally {
      await db.query('rollback');
    }
  } finally {
    await db.end();
  }
  result.suggestions = group(result.queries);
  if (options.output && result.suggestions.length > 0) {
    const [path] = await writeMigrationFiles(options.output, [{
      description: 'sb suggested indexes',
      content: {
        up: result.suggestions.map((s) => s.sql).join('\n'),
        down: result.suggestions.map((s) => s.down).reverse().join('\n'),
        transaction: false,
        header: ['Written by `sb db suggest-indexes`.', ...result.suggestions.map(describe)],
      },
    }]);
    result.migration = path!;
  }
  return result;
}

function group(reports: QueryReport[]): IndexSuggestion[] {
  const byKey = new Map<string, IndexSuggestion>();
  for (const r of reports) {
    if (!r.index || (r.status !== 'improved' && r.status !== 'unverified')) continue;
    const c = r.index;
    const key = `${c.schema}.${c.table}(${c.columns.join(',')})${c.include ? ` include (${c.include.join(',')})` : ''}`;
    let s = byKey.get(key);
    if (!s) {
      const fix = createIndexSql(c);
      s = { schema: c.schema, table: c.table, columns: c.columns, ...(c.include ? { include: c.include } : {}), indexName: fix.indexName, sql: fix.sql, down: fix.down, verified: r.status === 'improved', queries: [] };
      byKey.set(key, s);
    }
    const entry: IndexSuggestion['queries'][number] = { query: r.query };
    if (r.costBefore !== undefined && r.costAfter !== undefined) {
      Object.assign(entry, { costBefore: r.costBefore, costAfter: r.costAfter, improvement: Math.round((1 - r.costAfter / r.costBefore) * 1000) / 1000 });
    }
    s.queries.push(entry);
  }
  return [...byKey.values()];
}

function describe(s: IndexSuggestion): string {
  const q = s.queries[0];
  const costs = q?.costBefore !== undefined ? `cost ${q.costBefore} → ${q.costAfter}` : 'unverified (no HypoPG)';
  return `index ${s.schema}.${s.table} (${s.columns.join(', ')})${s.include ? ` include (${s.include.join(', ')})` : ''}: ${costs}, ${s.queries.length} quer${s.queries.length === 1 ? 'y' : 'ies'}`;
}
