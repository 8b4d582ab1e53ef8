import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { routeLabel } from '../routes/types.js';
import { refOf } from '../symbols/module-ref.js';
import { followConst, objectProperty, type FunctionLike } from '../symbols/declarations.js';
import { wholeRowsSent } from './data-exposure-rows.js';

const SECRET_NAME = /^(?:password|passwd|pass|pwd|new_?password|token|access_?token|refresh_?token|secret|api_?key|otp)$/i;
const LOG_METHODS = new Set(['log', 'info', 'debug', 'warn', 'error', 'trace']);
const WRITES = new Set(['create', 'insert', 'insertOne', 'build', 'save', 'update', 'updateOne']);

/** The property or variable name an expression reads: `password` for `req.body.password` or `password`. */
const nameOf = (n: Node): string | undefined =>
  Node.isPropertyAccessExpression(n) ? n.getName() : Node.isIdentifier(n) ? n.getText() : Node.isShorthandPropertyAssignment(n) ? n.getName() : undefined;

/** Passwords or tokens written to logs: `console.log(req.body.password)`, `logger.info({ token })`. */
function* loggedSecrets(ctx: RuleContext): Iterable<RawFinding> {
  for (const call of ctx.calls.callsNamed(LOG_METHODS)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !/^(?:console|log|logger|winston|pino|bunyan|this\.logger|req\.log|request\.log|ctx\.log)$/.test(callee.getExpression().getText())) continue;
    for (const arg of call.getArguments()) {
      const reads = [arg, ...arg.getDescendants()].filter((d) => Node.isPropertyAccessExpression(d) || Node.isShorthandPropertyAssignment(d) || (Node.isIdentifier(d) && !Node.isPropertyAccessExpression(d.getParent())));
      const secret = reads.find((d) => SECRET_NAME.test(nameOf(d) ?? '') && ctx.taint.trace(Node.isShorthandPropertyAssignment(d) ? d.getNameNode() : d) !== undefined);
      if (secret) {
        yield { node: call, message: `${secret.getText()} (request data) is written to the log by ${callee.getText()}()` };
        break;
      }
    }
  }
}

const EQUALITY: readonly SyntaxKind[] = [SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.ExclamationEqualsToken];

const PASSWORD = /password$/i;

/**
 * Whether an operand names a password: `x.password`, `password`, or a parameter that receives one at a call
 * site (`comparePassword(password, user.password)` makes both `fromDB` and `fromUser` passwords).
 */
function namesPassword(n: Node): boolean {
  if (PASSWORD.test(nameOf(n) ?? '')) return true;
  const decl = Node.isIdentifier(n) ? n.getSymbol()?.getDeclarations()[0] : undefined;
  if (decl === undefined || !Node.isParameterDeclaration(decl)) return false;
  const fn = decl.getParent() as FunctionLike;
  const index = fn.getParameters().indexOf(decl);
  const holder = fn.getParent();
  const name = Node.isFunctionDeclaration(fn) ? fn.getNameNode() : holder && Node.isVariableDeclaration(holder) ? holder.getNameNode() : undefined;
  if (name === undefined || !Node.isIdentifier(name)) return false;
  return name.findReferencesAsNodes().slice(0, 20).some((ref) => {
    const call = ref.getParent();
    const arg = call && Node.isCallExpression(call) && call.getExpression() === ref ? call.getArguments()[index] : undefined;
    return arg !== undefined && PASSWORD.test(nameOf(arg) ?? '');
  });
}

/**
 * A password from the request compared with a stored one, or stored, as is: `user.password === req.body.password`,
 * `User.create({ password })`. Two request values compared (`password === confirmPassword`) are a confirmation
 * check, not a plain-text comparison.
 */
function* plainPasswords(ctx: RuleContext): Iterable<RawFinding> {
  // Only comparisons are wrapped (wrapping every binary expression of a large project costs time and memory).
  const comparison = (n: ts.Node): boolean => EQUALITY.includes((n as ts.BinaryExpression).operatorToken.kind);
  for (const be of ctx.nodes.ofKind(SyntaxKind.BinaryExpression, comparison)) {
    const op = be.getOperatorToken().getKind();
    if (!EQUALITY.includes(op)) continue;
    const [l, r] = [be.getLeft(), be.getRight()];
    if (!namesPassword(l) || !namesPassword(r)) continue;
    const [tl, tr] = [ctx.taint.trace(l), ctx.taint.trace(r)];
    const fromRequest = tl ?? tr;
    if (!fromRequest || (tl && tr)) continue;
    const route = ctx.routeOf(be);
    yield { node: be, message: `the password from ${fromRequest.source} is compared in plain text with a stored one: passwords must be stored hashed (bcrypt/argon2) and checked with its compare()`, ...(route ? { route: routeLabel(route) } : {}) };
  }
  for (const call of ctx.calls.callsNamed(WRITES)) {
    for (const written of call.getArguments()) {
      const arg = followConst(written);
      if (arg === undefined || !Node.isObjectLiteralExpression(arg)) continue;
      const p = arg.getProperty('password');
      const value = p && Node.isPropertyAssignment(p) ? p.getInitializer() : p && Node.isShorthandPropertyAssignment(p) ? p.getNameNode() : undefined;
      const hit = value ? ctx.taint.trace(value) : undefined;
      if (!p || !hit) continue;
      const route = ctx.routeOf(call);
      yield { node: p, message: `the password from ${hit.source} is stored in plain text`, ...(route ? { route: routeLabel(route) } : {}) };
    }
  }
}

/** ORM query logging turned on: every query, with its parameters (passwords, tokens), goes to the log. */
function* queryLogging(ctx: RuleContext): Iterable<RawFinding> {
  for (const pa of ctx.nodes.ofKind(SyntaxKind.PropertyAssignment)) {
    const name = pa.getName();
    const v = pa.getInitializer()?.getText() ?? '';
    if (!((name === 'logging' && /^(?:true|'all'|"all"|console\.log)$/.test(v)) || (name === 'debug' && v === 'true'))) continue;
    const call = pa.getFirstAncestorByKind(SyntaxKind.NewExpression) ?? pa.getFirstAncestorByKind(SyntaxKind.CallExpression);
    const mod = call ? refOf(call.getExpression())?.module : undefined;
    if (!mod || !['sequelize', 'typeorm', 'knex', 'mikro-orm', '@mikro-orm/core'].includes(mod)) continue;
    yield { node: pa, message: `${mod} logs every query with its parameters (${name}: ${v})`, severity: 'medium' };
  }
  // new Sequelize(...) without a logging option: Sequelize's default logger is console.log.
  for (const { call } of ctx.calls.callsTo(['sequelize'])) {
    if (!Node.isNewExpression(call)) continue;
    const opts = call.getArguments().map((a) => followConst(a)).find((a) => a !== undefined && Node.isObjectLiteralExpression(a));
    if (objectProperty(opts, 'logging') !== undefined) continue;
    yield { node: call, message: 'Sequelize logs every query by default (logging defaults to console.log): pass logging: false or a logger that drops values', severity: 'medium' };
  }
  for (const { call } of ctx.calls.callsTo(['mongoose'], ['set'])) {
    const [k, v] = call.getArguments() ?? [];
    if (k?.getText().replace(/['"]/g, '') === 'debug' && v?.getText() === 'true') yield { node: call, message: "mongoose.set('debug', true) logs every query with its values", severity: 'medium' };
  }
}

/** Secrets leaking through logs and storage: passwords/tokens logged, plain-text passwords, ORM query logging. */
export const dataExposure: Rule = {
  meta: {
    id: 'data-exposure',
    title: 'Passwords and tokens exposed in logs or stored in plain text',
    description: 'A password or token from the request is written to a log, a password is stored or compared in plain text, ORM query logging (Sequelize/TypeORM logging, Sequelize by default, knex debug, mongoose debug) writes every query and its values to the log, or whole rows of a model with a password or secret field are sent in a JSON response.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [312, 532, 256],
    owasp: 'A02:2021-Cryptographic Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    yield* loggedSecrets(ctx);
    yield* plainPasswords(ctx);
    yield* queryLogging(ctx);
    yield* wholeRowsSent(ctx);
  },
};
