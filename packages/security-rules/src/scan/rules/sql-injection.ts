import { Node, type CallExpression, type NewExpression } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import { resolveDeclaration } from '../symbols/declarations.js';
import type { RawFinding } from '../model/finding.js';
import { taintRule, type SinkHit } from './taint-sink.js';

const DRIVER_QUERY = ['pg', 'mysql', 'mysql2', 'mysql2/promise', 'sequelize', 'typeorm', 'better-sqlite3', 'sqlite3', 'mssql', 'oracledb', 'postgres'];
const QUERY_NAMES = ['query', 'execute', 'exec', 'run', 'all', 'prepare', 'unsafe'];
const RAW_NAMES = ['raw', 'whereRaw', 'orWhereRaw', 'havingRaw', 'orderByRaw', 'groupByRaw', 'joinRaw', 'selectRaw', 'fromRaw', '$queryRawUnsafe', '$executeRawUnsafe', 'literal'];
const NAME_ONLY = new Set(['query', 'execute', ...RAW_NAMES]);

const isStringBuilding = (n: Node | undefined, depth = 0): boolean => {
  if (n === undefined || depth > 3) return false;
  if (Node.isTemplateExpression(n) || (Node.isBinaryExpression(n) && ['+', '+='].includes(n.getOperatorToken().getText()))) return true;
  // var query = "SELECT ... '" + req.body.login + "'"; db.query(query)
  if (Node.isIdentifier(n)) {
    const d = resolveDeclaration(n);
    return d !== undefined && Node.isVariableDeclaration(d) && isStringBuilding(d.getInitializer(), depth + 1);
  }
  return false;
};

function* sinks(ctx: RuleContext): Iterable<SinkHit> {
  const seen = new Set<Node>();
  const push = (call: CallExpression | NewExpression, sink: string): SinkHit | undefined => {
    if (seen.has(call)) return undefined;
    seen.add(call);
    return { call, arg: call.getArguments()[0], sink };
  };
  for (const { call, ref } of ctx.calls.callsTo(DRIVER_QUERY, QUERY_NAMES)) {
    const h = push(call, `${ref.module} ${ref.path.at(-1) ?? 'query'}() text`);
    if (h) yield h;
  }
  // kysely's `sql` tag and `sql.join([...])` bind every value as a parameter; only these take text as SQL.
  // sql.id/ref/table quote their text as identifiers: a program-chosen name there is not injection.
  for (const { call, ref } of ctx.calls.callsTo(['kysely'], ['raw', 'lit', 'id', 'ref', 'table'])) {
    if (!ref.path.includes('sql')) continue;
    const name = ref.path.at(-1) ?? 'raw';
    const h = push(call, `kysely sql.${name}()`);
    if (h) yield ['id', 'ref', 'table'].includes(name) ? { ...h, quotesIdentifier: true } : h;
  }
  for (const { call, ref } of ctx.calls.callsTo(['knex', '@prisma/client', 'sequelize'], RAW_NAMES)) {
    const h = push(call, `${ref.module} ${ref.path.at(-1) ?? 'raw'}()`);
    if (h) yield h;
  }
  // A receiver the scanner cannot resolve (a pool passed in, a repository field): only string-built query text.
  for (const call of ctx.calls.callsNamed(NAME_ONLY)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !isStringBuilding(call.getArguments()[0])) continue;
    const h = push(call, `${callee.getName()}() query text`);
    if (h) yield h;
  }
}

/** `pool.query(\`... '${x}' ...\`)` → `pool.query('... $1 ...', [x])` when every interpolation is a whole value. */
function parameterise(hit: SinkHit): RawFinding['fix'] {
  const call = hit.call;
  const arg = hit.arg;
  if (!Node.isCallExpression(call) || call.getArguments().length !== 1 || arg === undefined || !Node.isTemplateExpression(arg)) return undefined;
  if (!hit.sink.startsWith('pg ') || !/query$/.test(call.getExpression().getText())) return undefined;
  let text = arg.getHead().getLiteralText();
  const values: string[] = [];
  for (const span of arg.getTemplateSpans()) {
    const lit = span.getLiteral().getLiteralText();
    const quoted = text.endsWith("'") && lit.startsWith("'");
    if (!quoted && (text.endsWith("'") || lit.startsWith("'") || /[%\w]$/.test(text) || /^[%\w]/.test(lit))) return undefined;
    values.push(span.getExpression().getText());
    text = `${quoted ? text.slice(0, -1) : text}$${values.length}${quoted ? lit.slice(1) : lit}`;
  }
  return { description: 'Pass the values as query parameters ($1, $2, …)', edits: [{ node: arg, text: `${JSON.stringify(text)}, [${values.join(', ')}]` }] };
}

/** SQL built from request data: pg/mysql query text, kysely `sql.raw`/`lit`/`id`, knex/sequelize/prisma raw. */
export const sqlInjection = taintRule({
  meta: {
    id: 'sql-injection',
    title: 'SQL injection',
    description: 'Request data is concatenated or interpolated into SQL text (pg/mysql query, kysely sql.raw/lit/id, knex/sequelize/prisma raw) instead of being passed as a bound parameter.',
    severity: 'critical',
    confidence: 'taint-confirmed',
    cwe: [89],
    owasp: 'A03:2021-Injection',
  },
  kind: 'sql',
  sinks,
  fix: parameterise,
});
