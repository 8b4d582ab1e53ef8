import type { CatalogTables, IndexInfo } from '../workload/catalog.js';
import type { TableUse } from '../workload/shape.js';

/** A possible index: a table and its key columns, in order. */
export interface Candidate {
  schema: string;
  table: string;
  columns: string[];
}

const MAX_COLUMNS = 3;

/**
 * Candidate indexes for one table use: equality columns then one range column (the classic btree
 * order), equality columns then the sort columns, each join column alone, and each filter column alone.
 * Candidates whose columns do not exist, or that an existing valid index already leads with, are dropped.
 */
export function candidatesFor(use: TableUse, catalog: CatalogTables, existing: IndexInfo[]): Candidate[] {
  const schema = use.table.schema ?? catalog.searchPath.find((s) => catalog.columns.has(`${s}.${use.table.name}`));
  if (!schema) return [];
  const columns = catalog.columns.get(`${schema}.${use.table.name}`);
  if (!columns) return [];
  const lists: string[][] = [];
  const eq = use.equality.slice(0, MAX_COLUMNS);
  if (eq.length > 0 || use.range.length > 0) lists.push([...eq, ...use.range.slice(0, 1)].slice(0, MAX_COLUMNS));
  if (use.sort.length > 0) lists.push([...eq, ...use.sort].slice(0, MAX_COLUMNS));
  for (const c of [...use.join, ...use.equality, ...use.range]) lists.push([c]);
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const list of lists) {
    const cols = [...new Set(list)];
    const key = cols.join(',');
    if (cols.length === 0 || seen.has(key) || !cols.every((c) => columns.has(c))) continue;
    seen.add(key);
    if (covered(schema, use.table.name, cols, existing)) continue;
    out.push({ schema, table: use.table.name, columns: cols });
  }
  return out;
}

/** True when a valid, non-partial index on the table starts with exactly these columns. */
export function covered(schema: string, table: string, columns: string[], existing: IndexInfo[]): boolean {
  return existing.some(
    (i) => i.schema === schema && i.table === table && i.valid && !i.partial && i.method === 'btree' &&
      columns.every((c, k) => i.columns[k] === c),
  );
}
