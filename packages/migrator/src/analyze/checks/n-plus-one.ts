import { parse } from 'libpg-query';
import { shapeOf, type TableRef, type TableUse } from '../../workload/shape.js';
import { readStatements, type StatementStats } from '../../workload/statements.js';
import type { Check, Finding } from '../types.js';

/**
 * N+1 query risks: one normalised query called very many times returning ~1 row per call, and the parent
 * query that drives it — the statement whose total rows match the child's call count, preferring one that
 * reads the table the child's filter column references (a foreign key). The fix is the batched query.
 */
export const nPlusOne: Check = {
  id: 'n-plus-one',
  needsStatements: true,
  async run({ db, thresholds }) {
    const statements = await readStatements(db);
    const fks = await foreignKeys(db);
    const shapes = new Map<string, TableUse[]>();
    for (const s of statements) shapes.set(s.queryid, await shape(s.query));
    const findings: Finding[] = [];
    for (const child of statements) {
      const perCall = child.rows / Math.max(child.calls, 1);
      if (child.calls < thresholds.nPlusOneMinCalls || perCall > thresholds.nPlusOneMaxRowsPerCall) continue;
      const lookups = (shapes.get(child.queryid) ?? []).filter((u) => u.equality.length > 0);
      if (lookups.length === 0) continue;
      const referenced = new Set(lookups.flatMap((u) => u.equality.map((c) => fks.get(`${u.table.name}.${c}`))).filter(Boolean) as string[]);
      const parent = pickParent(child, statements, shapes, referenced);
      const lookup = lookups[0]!;
      findings.push({
        check: 'n-plus-one',
        severity: child.calls >= 10 * thresholds.nPlusOneMinCalls ? 'high' : 'medium',
        object: `queryid ${child.queryid}`,
        title: `N+1: "${oneLine(child.query)}" ran ${child.calls} times at ${perCall.toFixed(2)} rows per call${parent ? `, once per row of "${oneLine(parent.query)}"` : ''}`,
        evidence: {
          query: child.query,
          calls: child.calls,
          rows: child.rows,
          rowsPerCall: Math.round(perCall * 100) / 100,
          totalMs: child.totalMs,
          meanMs: child.meanMs,
          lookup: `${lookup.table.name}.${lookup.equality.join(', ')}`,
          parentQuery: parent?.query ?? null,
          parentCalls: parent?.calls ?? null,
          parentRows: parent?.rows ?? null,
        },
        fix: {
          sql: batched(child.query, lookup.equality),
          migratable: false,
          note: `load the ${lookup.table.name} rows for all parent rows in one query (= ANY($1) with the collected keys, a JOIN, or the ORM's eager loading) instead of one query per row`,
        },
      });
    }
    return findings;
  },
};

function pickParent(child: StatementStats, all: StatementStats[], shapes: Map<string, TableUse[]>, referenced: Set<string>): StatementStats | undefined {
  let best: { s: StatementStats; score: number } | undefined;
  for (const s of all) {
    if (s.queryid === child.queryid || s.calls * 2 > child.calls || s.rows === 0) continue;
    const ratio = s.rows / child.calls;
    if (ratio < 0.5 || ratio > 2) continue;
    const reads = (shapes.get(s.queryid) ?? []).some((u) => referenced.has(u.table.name)) || mentions(s.query, referenced);
    const score = Math.abs(Math.log(ratio)) - (reads ? 10 : 0);
    if (!best || score < best.score) best = { s, score };
  }
  return best?.s;
}

async function shape(query: string): Promise<TableUse[]> {
  try {
    const parsed = await parse(query);
    const resolve = (tables: TableRef[]) => (tables.length === 1 ? tables[0] : undefined);
    return (parsed.stmts ?? []).flatMap((s) => shapeOf((s.stmt ?? {}) as Record<string, unknown>, resolve));
  } catch {
    return [];
  }
}

/** `table.column` → referenced table name, for single-column foreign keys. */
async function foreignKeys(db: Parameters<Check['run']>[0]['db']): Promise<Map<string, string>> {
  const { rows } = await db.query<{ key: string; ref: string }>(`
    select t.relname || '.' || a.attname as key, r.relname as ref
    from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and array_length(c.conkey, 1) = 1`);
  return new Map(rows.map((r) => [r.key, r.ref]));
}

function mentions(query: string, tables: Set<string>): boolean {
  return [...tables].some((t) => new RegExp(`\\b${t.replace(/[^a-z0-9_]/gi, '')}\\b`, 'i').test(query));
}

/** The child query with `col = $n` turned into `col = any($n)`: one query for all keys. */
function batched(query: string, columns: string[]): string {
  let out = query;
  for (const c of columns) {
    const name = c.replace(/[^A-Za-z0-9_]/g, '');
    out = out.replace(new RegExp(`(\\b${name}"?\\s*=\\s*)\\$(\\d+)`, 'g'), '$1any($$$2)');
  }
  return out;
}

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
