import { parse } from 'libpg-query';
import { MigratorError } from '../errors.js';
import type { MigrationSection } from '../migration-file/types.js';
import { lintStatement } from './lint.js';

/** One statement of a migration section, located in its file. */
export interface PlannedStatement {
  /** 1-based position in the section. */
  index: number;
  /** The statement's SQL, without the trailing `;`. */
  sql: string;
  /** 1-based line in the file where the statement starts. */
  line: number;
  /** The parse-tree node type, e.g. `IndexStmt`, `CreateStmt`. */
  kind: string;
  /** Why the statement cannot run inside a transaction, when it cannot (`CREATE INDEX CONCURRENTLY`, `VACUUM`…). */
  nonTransactional?: string;
  /** For `CREATE INDEX CONCURRENTLY`: the table and key columns, checked against the catalog in a dry run. */
  indexTarget?: { schema?: string; table: string; columns: string[] };
  /** Relations the statement names (`orders`, `public.orders`): for lock reports. */
  relations: string[];
  /** Advice about the statement (e.g. use `IF NOT EXISTS` so an interrupted run can be resumed). */
  warnings: string[];
}

/**
 * Splits a section into statements with the real PostgreSQL parser (so `;` inside strings, dollar quotes
 * and comments never splits wrongly) and locates each one as file:line. A syntax error throws
 * `MIGRATOR_INVALID_MIGRATION` naming file:line.
 */
export async function splitStatements(section: MigrationSection, fileName: string): Promise<PlannedStatement[]> {
  if (section.sql.trim() === '') return [];
  const bytes = Buffer.from(section.sql, 'utf8');
  const lineAt = (offset: number) => section.line + countNewlines(bytes.subarray(0, offset));
  let result: Awaited<ReturnType<typeof parse>>;
  try {
    result = await parse(section.sql);
  } catch (cause) {
    const position = (cause as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition ?? 0;
    throw new MigratorError(
      'MIGRATOR_INVALID_MIGRATION',
      `${fileName}:${lineAt(position)}: ${(cause as Error).message}`,
      { cause },
    );
  }
  return (result.stmts ?? []).map((raw, i) => {
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len ? start + raw.stmt_len : bytes.length;
    const text = bytes.subarray(start, end).toString('utf8');
    const lead = leadingNoise(text);
    const node = (raw.stmt ?? {}) as Record<string, unknown>;
    const kind = Object.keys(node)[0] ?? 'Unknown';
    const planned: PlannedStatement = {
      index: i + 1,
      sql: text.slice(lead).trim().replace(/;\s*$/, ''),
      line: lineAt(start + Buffer.byteLength(text.slice(0, lead))),
      kind,
      relations: relationsOf(node),
      ...indexTarget(kind, node[kind] as Record<string, unknown> | undefined),
      ...lintStatement(kind, node[kind] as Record<string, unknown> | undefined),
    };
    return planned;
  });
}

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 10) n++;
  return n;
}

/** Length of the whitespace and `--` comment lines before a statement's first token. */
function leadingNoise(text: string): number {
  const match = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/.exec(text);
  return match ? match[0].length : 0;
}

/** Every RangeVar (any node with a `relname`) in a parse tree, as `name` or `schema.name`. */
function relationsOf(node: unknown, out = new Set<string>()): string[] {
  if (Array.isArray(node)) for (const item of node) relationsOf(item, out);
  else if (node && typeof node === 'object') {
    const rv = node as { schemaname?: unknown; relname?: unknown };
    if (typeof rv.relname === 'string') out.add(typeof rv.schemaname === 'string' ? `${rv.schemaname}.${rv.relname}` : rv.relname);
    for (const value of Object.values(node)) relationsOf(value, out);
  }
  return [...out];
}

function indexTarget(kind: string, node: Record<string, unknown> | undefined): Pick<PlannedStatement, 'indexTarget'> {
  if (kind !== 'IndexStmt' || node?.['concurrent'] !== true) return {};
  const rel = node['relation'] as { schemaname?: string; relname?: string } | undefined;
  if (!rel?.relname) return {};
  const params = (node['indexParams'] as Array<{ IndexElem?: { name?: string } }> | undefined) ?? [];
  const columns = params.map((p) => p.IndexElem?.name).filter((c): c is string => typeof c === 'string');
  return { indexTarget: { ...(rel.schemaname ? { schema: rel.schemaname } : {}), table: rel.relname, columns } };
}
