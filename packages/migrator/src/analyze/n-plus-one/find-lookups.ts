import type { Queryable } from '../../connection/queryable.js';
import { catalogTables, singleColumnForeignKeys, type CatalogTables } from '../../workload/catalog.js';
import { parseStatement, type ParsedStatement } from '../../workload/parse-statement.js';
import type { ColumnResolver } from '../../workload/shape.js';
import type { ServerLog } from '../../workload/server-log/read-server-log.js';
import { readStatements } from '../../workload/statements.js';
import type { AnalyzeThresholds } from '../types.js';
import { lookupsFromLog } from './from-log.js';
import { lookupsFromStatements } from './from-statements.js';
import type { RepeatedLookup } from './types.js';

/** Where the repeated lookups come from: a server log (per-session evidence) or pg_stat_statements. */
export interface LookupSources {
  db?: Queryable;
  /** True when pg_stat_statements can be read through `db`. */
  statements: boolean;
  log?: ServerLog;
  thresholds: AnalyzeThresholds;
}

/**
 * Every frequently repeated point-lookup SELECT, with its parent when one drives it. With a log, the log is
 * the evidence (and the database, when connected, adds the foreign keys); otherwise pg_stat_statements.
 */
export async function findRepeatedLookups(src: LookupSources): Promise<RepeatedLookup[]> {
  const catalog = src.db ? await catalogTables(src.db) : undefined;
  const fks = src.db ? await singleColumnForeignKeys(src.db) : undefined;
  const tables = new Set(catalog ? [...catalog.columns.keys()].map((k) => k.slice(k.indexOf('.') + 1)) : []);
  const resolve = catalog ? resolver(catalog) : undefined;
  const min = src.thresholds.nPlusOneMinCalls;
  if (src.log) {
    const parsed = new Map<string, ParsedStatement>();
    for (const s of src.log.statements) {
      if (parsed.has(s.query)) continue;
      const p = await parseStatement(s.query, { normalize: true, ...(resolve ? { resolve } : {}) });
      if (p) parsed.set(s.query, p);
    }
    // Statements that differ only in constants are one statement.
    const canonical = new Map<string, ParsedStatement>();
    for (const [text, p] of parsed) parsed.set(text, canonical.get(p.query) ?? (canonical.set(p.query, p), p));
    return lookupsFromLog(src.log.statements, parsed, { minRun: src.thresholds.nPlusOneMinRun, minCalls: min, ...(fks ? { fks, tables } : {}) });
  }
  if (!src.db || !src.statements) return [];
  const statements = await readStatements(src.db);
  const parsed = new Map<string, ParsedStatement>();
  for (const s of statements) {
    const p = await parseStatement(s.query, resolve ? { resolve } : {});
    if (p) parsed.set(s.queryid, p);
  }
  return lookupsFromStatements(statements, parsed, fks ?? [], tables, min);
}

/** Places an unqualified column in the one table of the query block that has it. */
function resolver(catalog: CatalogTables): ColumnResolver {
  return (tables, column) => {
    const having = tables.filter((t) => {
      const schema = t.schema ?? catalog.searchPath.find((s) => catalog.columns.has(`${s}.${t.name}`));
      return catalog.columns.get(`${schema}.${t.name}`)?.has(column);
    });
    return having.length === 1 ? having[0] : undefined;
  };
}
