import type { CatalogTables, IndexInfo } from '../workload/catalog.js';
import type { IndexShape } from '../workload/index-ddl.js';
import type { TableUse } from '../workload/shape.js';

/** A possible index: a table, its key columns in order, and optional covering (`INCLUDE`) columns. */
export type Candidate = IndexShape;

const MAX_COLUMNS = 3;
/** Columns of a query considered for two-column permutations (dexter tries every pair). */
const MAX_PAIR_COLUMNS = 5;
/** A covering index stores at most this many extra columns. */
const MAX_INCLUDE = 4;

/**
 * Candidate key-column lists for one table use, in the btree orders that serve it (dexter's approach,
 * extended to three columns): equality columns, then one range column; equality columns, then the sort
 * columns (an ordered scan that stops at the LIMIT); equality, range, sort; equality, sort, then range (the
 * range checked inside the index, no heap visit for rows it rejects); every ordered pair of the query's columns; and each column alone. Candidates whose columns do
 * not exist, or that an existing valid btree index already leads with, are dropped.
 */
export function candidatesFor(use: TableUse, catalog: CatalogTables, existing: IndexInfo[]): Candidate[] {
  const schema = schemaOf(use, catalog);
  const columns = schema && catalog.columns.get(`${schema}.${use.table.name}`);
  if (!schema || !columns) return [];
  const eq = use.equality.slice(0, MAX_COLUMNS);
  const range = use.range.slice(0, 1);
  const lists: string[][] = [];
  if (eq.length > 0) lists.push(eq);
  if (range.length > 0) lists.push([...eq, ...range]);
  if (use.sort.length > 0) {
    lists.push([...eq, ...use.sort]);
    if (range.length > 0) lists.push([...eq, ...range, ...use.sort], [...eq, ...use.sort, ...range]);
  }
  const all = [...new Set([...use.equality, ...use.range, ...use.sort, ...use.join])].slice(0, MAX_PAIR_COLUMNS);
  for (const a of all) for (const b of all) if (a !== b) lists.push([a, b]);
  for (const c of all) lists.push([c]);
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const list of lists) {
    const cols = [...new Set(list)].slice(0, MAX_COLUMNS);
    const key = cols.join(',');
    if (cols.length === 0 || seen.has(key) || !cols.every((c) => columns.has(c))) continue;
    seen.add(key);
    if (covered(schema, use.table.name, cols, existing)) continue;
    out.push({ schema, table: use.table.name, columns: cols });
  }
  return out;
}

/**
 * The covering form of a candidate: the other columns the query reads from the table as `INCLUDE`
 * columns, so the planner can answer from the index alone (an index-only scan). Undefined when the query
 * reads `*` or too many columns, or there is nothing to add.
 */
export function coveringFor(candidate: Candidate, use: TableUse): Candidate | undefined {
  if (use.star) return undefined;
  const include = use.referenced.filter((c) => !candidate.columns.includes(c));
  if (include.length === 0 || include.length > MAX_INCLUDE) return undefined;
  return { ...candidate, include };
}

function schemaOf(use: TableUse, catalog: CatalogTables): string | undefined {
  return use.table.schema ?? catalog.searchPath.find((s) => catalog.columns.has(`${s}.${use.table.name}`));
}

/** True when a valid, non-partial btree index on the table starts with exactly these columns. */
export function covered(schema: string, table: string, columns: string[], existing: IndexInfo[]): boolean {
  return existing.some(
    (i) => i.schema === schema && i.table === table && i.valid && !i.partial && i.method === 'btree' &&
      columns.every((c, k) => i.columns[k] === c),
  );
}
