import type { IndexInfo } from '../workload/catalog.js';
import { createIndexSql } from '../workload/index-ddl.js';
import { quoteQualified } from './quote.js';
import type { Fix } from './types.js';

/**
 * An online index build: `CREATE INDEX CONCURRENTLY IF NOT EXISTS` (resumable after an interruption),
 * undone with `DROP INDEX CONCURRENTLY IF EXISTS`. Every name is quoted.
 */
export function createIndexFix(schema: string, table: string, columns: string[], note?: string): Fix & { indexName: string } {
  const { indexName, sql, down } = createIndexSql({ schema, table, columns });
  const fix: Fix & { indexName: string } = { indexName, sql, down, migratable: true };
  if (note) fix.note = note;
  return fix;
}

/** Drops an index online; the down recreates it from its definition, concurrently. */
export function dropIndexFix(index: IndexInfo, note?: string): Fix {
  const fix: Fix = {
    sql: `drop index concurrently if exists ${quoteQualified(index.schema, index.name)};`,
    down: `${concurrently(index.definition)};`,
    migratable: true,
  };
  if (note) fix.note = note;
  return fix;
}

/** `CREATE [UNIQUE] INDEX name ON …` (pg_get_indexdef) → `CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS name ON …`. */
export function concurrently(definition: string): string {
  return definition.replace(/^CREATE (UNIQUE )?INDEX /, (_m, unique: string | undefined) => `CREATE ${unique ?? ''}INDEX CONCURRENTLY IF NOT EXISTS `);
}
