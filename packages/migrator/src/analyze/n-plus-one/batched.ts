import { quoteIdent } from '../../sql/quote.js';
import type { ParsedStatement } from '../../workload/parse-statement.js';
import type { PointLookup } from './relations.js';

type Node = Record<string, unknown>;

/**
 * The batched form of an N+1 child SELECT: `col = $n` becomes `col = any($n)` (one array of all the
 * parent keys), and the key column is added to the select list when it is not there, so the caller can
 * group the rows by parent. Undefined when the lookup value is not a bare parameter. Only ever called for
 * SELECT statements: an UPDATE or DELETE is never rewritten.
 */
export function batchedSelect(statement: ParsedStatement, lookup: PointLookup): string | undefined {
  if (statement.kind !== 'select' || lookup.location === undefined) return undefined;
  const bytes = Buffer.from(statement.query, 'utf8');
  const param = /^\$\d+/.exec(bytes.subarray(lookup.location).toString('utf8'))?.[0];
  if (!param) return undefined;
  const edits: Array<{ at: number; remove: number; text: string }> = [{ at: lookup.location, remove: Buffer.byteLength(param), text: `any(${param})` }];
  const select = statement.stmt['SelectStmt'] as Node;
  const targets = (select['targetList'] ?? []) as Node[];
  const first = targets[0]?.['ResTarget'] as Node | undefined;
  if (first && typeof first['location'] === 'number' && !selects(targets, lookup.column)) {
    const tables = statement.tables.length;
    const qualifier = tables > 1 ? `${lookup.table.alias ?? lookup.table.name}.` : '';
    edits.push({ at: first['location'], remove: 0, text: `${qualifier}${identifier(lookup.column)}, ` });
  }
  let out = bytes;
  for (const e of edits.sort((a, b) => b.at - a.at)) {
    out = Buffer.concat([out.subarray(0, e.at), Buffer.from(e.text, 'utf8'), out.subarray(e.at + e.remove)]);
  }
  return out.toString('utf8');
}

/** True when the select list has `*` or the column itself. */
function selects(targets: Node[], column: string): boolean {
  return targets.some((t) => {
    const fields = (((t['ResTarget'] as Node | undefined)?.['val'] as Node | undefined)?.['ColumnRef'] as Node | undefined)?.['fields'] as Node[] | undefined;
    const last = fields?.at(-1);
    return Boolean(last && ('A_Star' in last || (last['String'] as Node | undefined)?.['sval'] === column));
  });
}

/** The column as the query itself spells a plain name; quoted otherwise. */
function identifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : quoteIdent(name);
}
