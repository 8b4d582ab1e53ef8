import { normalize, parse } from 'libpg-query';
import { shapeOf, tablesOf, type ColumnResolver, type TableRef, type TableUse } from './shape.js';

/** A statement read through the PostgreSQL parser: its kind, the tables it names and how it uses them. */
export interface ParsedStatement {
  /** The text the rest of the analysis works on (constants replaced by `$n` when `normalize` was asked). */
  query: string;
  kind: 'select' | 'insert' | 'update' | 'delete' | 'other';
  /** The parse tree of the single statement. */
  stmt: Record<string, unknown>;
  tables: TableRef[];
  uses: TableUse[];
}

const KINDS: Record<string, ParsedStatement['kind']> = { SelectStmt: 'select', InsertStmt: 'insert', UpdateStmt: 'update', DeleteStmt: 'delete' };

/** The first table of the list: enough to place unqualified columns in single-table statements. */
const firstTable: ColumnResolver = (tables) => (tables.length === 1 ? tables[0] : undefined);

/**
 * Parses one statement (undefined when it does not parse or holds several). With `normalize`, constants
 * become `$n` parameters first, so `where id = 3` and `where id = 4` read as one statement.
 */
export async function parseStatement(
  query: string,
  options: { resolve?: ColumnResolver; normalize?: boolean } = {},
): Promise<ParsedStatement | undefined> {
  try {
    const text = options.normalize ? await normalize(query) : query;
    const parsed = await parse(text);
    if ((parsed.stmts ?? []).length !== 1) return undefined;
    const stmt = (parsed.stmts![0]!.stmt ?? {}) as Record<string, unknown>;
    const kind = KINDS[Object.keys(stmt)[0] ?? ''] ?? 'other';
    return { query: text, kind, stmt, tables: tablesOf(stmt), uses: shapeOf(stmt, options.resolve ?? firstTable) };
  } catch {
    return undefined;
  }
}
