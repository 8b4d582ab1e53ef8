import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { OrmModel } from '../project/orm-models.js';
import type { RawFinding } from '../model/finding.js';
import { routeLabel } from '../routes/types.js';
import { followConst, objectProperty } from '../symbols/declarations.js';

/** Columns that must never leave the server. */
const SECRET_FIELD = /^(?:password|passwd|password_?hash|hashed_?password|salt|secret|api_?key|reset_?token|otp_?secret)$/i;
/** Queries that return whole rows unless told which fields to select. */
const QUERIES = new Set(['findAll', 'findOne', 'find', 'findByPk', 'findById', 'findAndCountAll', 'findMany', 'findUnique', 'findFirst']);
/** Options that choose fields (Sequelize `attributes`, Prisma `select`/`omit`, Mongo `projection`). */
const PROJECTION = ['attributes', 'select', 'omit', 'projection'];

/** The secret column of a model whose rows carry one and do not hide it themselves. */
function secretField(m: OrmModel | undefined): string | undefined {
  return m === undefined || m.hidesFields ? undefined : m.fields.find((f) => SECRET_FIELD.test(f));
}

/** The variable or callback parameter that receives a query's rows: `.then((users) => …)` or `const users = await q`. */
function rowsOf(query: CallExpression): Node | undefined {
  const parent = query.getParent();
  if (parent && Node.isPropertyAccessExpression(parent) && parent.getName() === 'then') {
    const cb = (parent.getParent() as CallExpression | undefined)?.getArguments()[0];
    if (cb && (Node.isArrowFunction(cb) || Node.isFunctionExpression(cb))) return cb.getParameters()[0];
  }
  const holder = parent && Node.isAwaitExpression(parent) ? parent.getParent() : parent;
  return holder && Node.isVariableDeclaration(holder) ? holder : undefined;
}

/** Whether a reference is (part of) the payload as a value: the argument itself, or a value inside object and array literals of it. */
function isPayload(id: Node, send: CallExpression): boolean {
  let cur: Node = id;
  for (let p = cur.getParent(); p !== undefined; cur = p, p = p.getParent()) {
    if (p === send) return true;
    const value = (Node.isPropertyAssignment(p) && p.getInitializer() === cur) || Node.isShorthandPropertyAssignment(p) || Node.isSpreadAssignment(p) || Node.isSpreadElement(p);
    if (!(value || Node.isObjectLiteralExpression(p) || Node.isArrayLiteralExpression(p))) return false;
  }
  return false;
}

/** A JSON response in `scope` whose payload holds the rows themselves (not a field-picking `rows.map(...)`). */
function sentRaw(scope: Node, rows: Node): CallExpression | undefined {
  const name = (rows as Node & { getName?: () => string }).getName?.();
  for (const call of scope.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !['json', 'send', 'jsonp'].includes(callee.getName())) continue;
    const refs = call.getArguments().flatMap((a) => [a, ...a.getDescendants()]).filter((d) => Node.isIdentifier(d) && d.getText() === name);
    const raw = refs.some((id) => id.getSymbol()?.getDeclarations()[0] === rows && isPayload(id, call));
    if (raw) return call;
  }
  return undefined;
}

/** Whole rows of a model with a password or secret column sent in a JSON response (CWE-200/359). */
export function* wholeRowsSent(ctx: RuleContext): Iterable<RawFinding> {
  if (!ctx.models.all().some((m) => secretField(m) !== undefined)) return;
  for (const query of ctx.calls.callsNamed(QUERIES)) {
    const callee = query.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const model = callee.getExpression().getText().split('.').at(-1) ?? '';
    const field = secretField(ctx.models.of(callee.getExpression()));
    if (field === undefined) continue;
    const [opts, projection] = query.getArguments();
    if (projection !== undefined || PROJECTION.some((k) => objectProperty(followConst(opts), k) !== undefined)) continue;
    if (query.getParentIfKind(SyntaxKind.PropertyAccessExpression)?.getName() === 'select') continue;
    const rows = rowsOf(query);
    const scope = rows?.getFirstAncestor((a) => Node.isFunctionLikeDeclaration(a) || Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isSourceFile(a));
    const sent = rows && scope ? sentRaw(Node.isParameterDeclaration(rows) ? rows.getParentOrThrow() : scope, rows) : undefined;
    if (sent === undefined) continue;
    const route = ctx.routeOf(sent);
    yield {
      node: sent,
      message: `whole ${model} rows, ${field} column included, are sent in the response by ${query.getText().split('(')[0]}(): select only the fields the client needs`,
      ...(route ? { route: routeLabel(route) } : {}),
    };
  }
}
