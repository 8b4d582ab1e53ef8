/**
 * What an index could serve in a query, read from the PostgreSQL parse tree (libpg-query): per table,
 * the columns compared with a value (`=`, `IN`, `= ANY`), compared by range (`<`, `BETWEEN`), joined on,
 * and sorted by. Subqueries, CTEs and UNION arms are read too. Shared by `analyze` (N+1: which table and
 * column a repeated query looks up) and `suggest` (index candidates).
 */

/** A table as the query names it. */
export interface TableRef {
  schema?: string;
  name: string;
  alias?: string;
}

/** The index-relevant use of one table in one query block. */
export interface TableUse {
  table: TableRef;
  equality: string[];
  range: string[];
  join: string[];
  sort: string[];
  /**
   * Point lookups: columns compared with `=` to one parameter or constant (not `IN`/`= ANY`, which are
   * already batched). `location` is the byte offset of a bare `$n` parameter, when the value is one.
   */
  point: Array<{ column: string; location?: number }>;
  /** Every column of the table the query block mentions (select list, filters, sort): what a covering index needs. */
  referenced: string[];
  /** True when the block selects `*` (or `t.*`) from the table: no index can cover it. */
  star: boolean;
}

/** Finds which table (of those in scope) has a column, for unqualified column names. */
export type ColumnResolver = (tables: TableRef[], column: string) => TableRef | undefined;

type Node = Record<string, unknown>;

const RANGE_OPS = new Set(['<', '>', '<=', '>=']);

/** The table uses of every query block in a parsed statement. */
export function shapeOf(stmt: Node, resolve: ColumnResolver): TableUse[] {
  const out: TableUse[] = [];
  visitStatements(stmt, (block) => out.push(...blockUses(block, resolve)));
  return out.filter((u) => u.equality.length + u.range.length + u.join.length + u.sort.length > 0);
}

interface Block {
  tables: TableRef[];
  /** The select list (or RETURNING list). */
  targets: Node[];
  where?: Node;
  joinQuals: Node[];
  sort: Node[];
}

function visitStatements(node: unknown, visit: (block: Block) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitStatements(item, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Node)) {
    if (key === 'SelectStmt' || key === 'UpdateStmt' || key === 'DeleteStmt') {
      const s = value as Node;
      const tables: TableRef[] = [];
      const joinQuals: Node[] = [];
      if (s['relation']) tables.push(tableRef(s['relation'] as Node));
      for (const from of (s['fromClause'] ?? s['usingClause'] ?? []) as Node[]) collectFrom(from, tables, joinQuals);
      const block: Block = { tables, joinQuals, targets: ((s['targetList'] ?? s['returningList'] ?? []) as Node[]), sort: ((s['sortClause'] ?? []) as Node[]) };
      if (s['whereClause']) block.where = s['whereClause'] as Node;
      if (tables.length > 0) visit(block);
    }
    visitStatements(value, visit);
  }
}

function collectFrom(from: Node, tables: TableRef[], joinQuals: Node[]): void {
  if (from['RangeVar']) tables.push(tableRef(from['RangeVar'] as Node));
  const join = from['JoinExpr'] as Node | undefined;
  if (join) {
    collectFrom(join['larg'] as Node, tables, joinQuals);
    collectFrom(join['rarg'] as Node, tables, joinQuals);
    if (join['quals']) joinQuals.push(join['quals'] as Node);
  }
}

function tableRef(rv: Node): TableRef {
  const ref: TableRef = { name: rv['relname'] as string };
  if (typeof rv['schemaname'] === 'string') ref.schema = rv['schemaname'];
  const alias = (rv['alias'] as Node | undefined)?.['aliasname'];
  if (typeof alias === 'string') ref.alias = alias;
  return ref;
}

function blockUses(block: Block, resolve: ColumnResolver): TableUse[] {
  const uses = new Map<TableRef, TableUse>();
  const use = (t: TableRef) => {
    let u = uses.get(t);
    if (!u) uses.set(t, (u = { table: t, equality: [], range: [], join: [], sort: [], point: [], referenced: [], star: false }));
    return u;
  };
  const column = (node: unknown): { table: TableRef; column: string } | undefined => {
    const ref = unwrap(node)['ColumnRef'] as Node | undefined;
    if (!ref) return undefined;
    const fields = (ref['fields'] as Node[]).map((f) => (f['String'] as Node | undefined)?.['sval']);
    if (fields.some((f) => typeof f !== 'string')) return undefined;
    const names = fields as string[];
    const col = names.at(-1)!;
    if (names.length === 1) {
      const t = block.tables.length === 1 ? block.tables[0] : resolve(block.tables, col);
      return t ? { table: t, column: col } : undefined;
    }
    const qualifier = names.at(-2)!;
    const t = block.tables.find((x) => (x.alias ?? x.name) === qualifier) ?? block.tables.find((x) => x.name === qualifier);
    return t ? { table: t, column: col } : undefined;
  };
  const add = (list: string[], c: string) => {
    if (!list.includes(c)) list.push(c);
  };
  for (const conjunct of [...conjuncts(block.where), ...block.joinQuals.flatMap((q) => conjuncts(q))]) {
    const expr = conjunct['A_Expr'] as Node | undefined;
    if (!expr) {
      const test = conjunct['NullTest'] as Node | undefined;
      const c = test ? column(test['arg']) : undefined;
      if (c) add(use(c.table).equality, c.column);
      continue;
    }
    const op = ((expr['name'] as Node[] | undefined)?.[0]?.['String'] as Node | undefined)?.['sval'];
    const kind = expr['kind'];
    const left = column(expr['lexpr']);
    const right = column(expr['rexpr']);
    if (left && right) {
      if (op === '=' && left.table !== right.table) {
        add(use(left.table).join, left.column);
        add(use(right.table).join, right.column);
      }
      continue;
    }
    const side = left ?? right;
    const other = left ? expr['rexpr'] : expr['lexpr'];
    if (!side || hasColumn(other)) continue;
    if ((kind === 'AEXPR_OP' && op === '=') || kind === 'AEXPR_IN' || (kind === 'AEXPR_OP_ANY' && op === '=')) add(use(side.table).equality, side.column);
    if (kind === 'AEXPR_OP' && op === '=') pointLookup(use(side.table), side.column, other);
    else if ((kind === 'AEXPR_OP' && RANGE_OPS.has(op as string)) || kind === 'AEXPR_BETWEEN') add(use(side.table).range, side.column);
  }
  for (const s of block.sort) {
    const c = column((s['SortBy'] as Node | undefined)?.['node']);
    if (c) add(use(c.table).sort, c.column);
  }
  for (const ref of columnRefs([block.targets, block.where, block.joinQuals, block.sort])) {
    const fields = (ref['fields'] as Node[]) ?? [];
    if (fields.at(-1)?.['A_Star']) {
      const qualifier = (fields.at(-2)?.['String'] as Node | undefined)?.['sval'];
      for (const t of block.tables) if (qualifier === undefined || (t.alias ?? t.name) === qualifier) use(t).star = true;
      continue;
    }
    const c = column({ ColumnRef: ref });
    if (c) add(use(c.table).referenced, c.column);
  }
  return [...uses.values()];
}

function pointLookup(use: TableUse, column: string, value: unknown): void {
  const v = unwrap(value);
  if (!v['ParamRef'] && !v['A_Const']) return;
  const param = (value as Node | undefined)?.['ParamRef'] as Node | undefined;
  use.point.push(typeof param?.['location'] === 'number' ? { column, location: param['location'] } : { column });
}

/** Every table a statement names (FROM lists, joins, subqueries, the target of UPDATE/DELETE/INSERT). */
export function tablesOf(stmt: unknown): TableRef[] {
  const out: TableRef[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const rv = (node as Node)['RangeVar'];
    if (rv) out.push(tableRef(rv as Node));
    for (const value of Object.values(node as Node)) visit(value);
  };
  visit(stmt);
  return out;
}

/** Every ColumnRef under a node, not descending into subqueries (they are blocks of their own). */
function columnRefs(node: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(node)) {
    for (const n of node) columnRefs(n, out);
    return out;
  }
  if (!node || typeof node !== 'object') return out;
  for (const [key, value] of Object.entries(node as Node)) {
    if (key === 'ColumnRef') out.push(value as Node);
    else if (key !== 'SubLink') columnRefs(value, out);
  }
  return out;
}

/** The AND-ed conditions of a WHERE/ON clause (OR branches are not indexable by one btree: skipped). */
function conjuncts(node: Node | undefined): Node[] {
  if (!node) return [];
  const bool = node['BoolExpr'] as Node | undefined;
  if (bool) return bool['boolop'] === 'AND_EXPR' ? (bool['args'] as Node[]).flatMap((a) => conjuncts(a)) : [];
  return [node];
}

function unwrap(node: unknown): Node {
  let n = (node ?? {}) as Node;
  while (n['TypeCast']) n = ((n['TypeCast'] as Node)['arg'] ?? {}) as Node;
  return n;
}

function hasColumn(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasColumn);
  if (!node || typeof node !== 'object') return false;
  if ('ColumnRef' in (node as Node) || 'SubLink' in (node as Node)) return true;
  return Object.values(node as Node).some(hasColumn);
}
