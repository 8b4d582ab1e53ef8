import { quoteIdent, quoteQualified, safeName } from '../sql/quote.js';

/** A btree index as sb proposes it: key columns in order, and optional covering (`INCLUDE`) columns. */
export interface IndexShape {
  schema: string;
  table: string;
  columns: string[];
  /** Non-key columns stored in the index so the query can be answered by an index-only scan. */
  include?: string[];
}

/** `("a", "b") include ("c")`: the column part of a CREATE INDEX, every name quoted. */
export function indexColumnsSql(index: IndexShape): string {
  const include = index.include?.length ? ` include (${index.include.map(quoteIdent).join(', ')})` : '';
  return `(${index.columns.map(quoteIdent).join(', ')})${include}`;
}

/** `create index on "s"."t" ("a")`: the definition HypoPG takes (it names the index itself). */
export function hypotheticalIndexSql(index: IndexShape): string {
  return `create index on ${quoteQualified(index.schema, index.table)} ${indexColumnsSql(index)}`;
}

/**
 * An online index build, `CREATE INDEX CONCURRENTLY IF NOT EXISTS` (resumable after an interruption), and its
 * undo, `DROP INDEX CONCURRENTLY IF EXISTS`. The name is derived from table and key columns (`_idx`), or
 * with covering columns (`_incl_idx`), at most 63 bytes.
 */
export function createIndexSql(index: IndexShape): { indexName: string; sql: string; down: string } {
  const indexName = safeName([index.table, ...index.columns], index.include?.length ? 'incl_idx' : 'idx');
  return {
    indexName,
    sql: `create index concurrently if not exists ${quoteIdent(indexName)} on ${quoteQualified(index.schema, index.table)} ${indexColumnsSql(index)};`,
    down: `drop index concurrently if exists ${quoteQualified(index.schema, indexName)};`,
  };
}
