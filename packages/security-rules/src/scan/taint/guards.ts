import { Node, SyntaxKind, type IfStatement } from 'ts-morph';
import { enclosingFunction, followConst } from '../symbols/declarations.js';

const strip = (n: Node): Node => (Node.isParenthesizedExpression(n) ? strip(n.getExpression()) : n);

/** A regex literal (or a const bound to one) anchored at both ends (`/^[\w-]+$/`): it constrains the whole value. */
function anchoredRegex(expr: Node): boolean {
  const n = followConst(expr);
  if (n === undefined || !Node.isRegularExpressionLiteral(n)) return false;
  const src = n.getLiteralText().replace(/\/[a-z]*$/, '').slice(1);
  return src.startsWith('^') && src.endsWith('$') && !src.includes('|');
}

/**
 * True when `cond` being truthy means `subject` is one of a fixed set of values: membership in a collection or
 * map that is not the subject itself (`ALLOWED.includes(x)`, `set.has(x)`, `x in MAP`, `MAP[x]`,
 * `Object.hasOwn(MAP, x)`), equality with a literal, or a fully anchored regex test. `x.includes('..')`,
 * `url.includes(allowed)` and `x.startsWith(...)` do not constrain what else `x` holds.
 */
function constrains(cond: Node, subject: string): boolean {
  const c = strip(cond);
  if (Node.isCallExpression(c)) {
    const callee = c.getExpression();
    const args = c.getArguments();
    if (!Node.isPropertyAccessExpression(callee)) return false;
    const recv = callee.getExpression().getText();
    const name = callee.getName();
    if ((name === 'includes' || name === 'has' || name === 'hasOwnProperty') && args[0]?.getText() === subject && recv !== subject) return true;
    if (name === 'hasOwn' && recv === 'Object' && args[1]?.getText() === subject) return true;
    // Object.prototype.hasOwnProperty.call(MAP, x), {}.hasOwnProperty.call(MAP, x)
    if (name === 'call' && recv.endsWith('hasOwnProperty') && args[1]?.getText() === subject && args[0]?.getText() !== subject) return true;
    if (name === 'test' && args[0]?.getText() === subject && anchoredRegex(strip(callee.getExpression()))) return true;
    return false;
  }
  if (Node.isElementAccessExpression(c)) return c.getArgumentExpression()?.getText() === subject && c.getExpression().getText() !== subject;
  if (Node.isBinaryExpression(c)) {
    const op = c.getOperatorToken().getKind();
    const [l, r] = [strip(c.getLeft()), strip(c.getRight())];
    if (op === SyntaxKind.InKeyword) return l.getText() === subject;
    if (op === SyntaxKind.EqualsEqualsEqualsToken || op === SyntaxKind.EqualsEqualsToken) {
      const lit = (n: Node): boolean => Node.isStringLiteral(n) || Node.isNumericLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n);
      return (l.getText() === subject && lit(r)) || (r.getText() === subject && lit(l));
    }
    if (indexCheck(c, subject) === 'found') return true;
    if (op === SyntaxKind.AmpersandAmpersandToken) return constrains(l, subject) || constrains(r, subject);
    if (op === SyntaxKind.BarBarToken) return constrains(l, subject) && constrains(r, subject);
  }
  return false;
}

/**
 * `ALLOWED.indexOf(x) !== -1` (or `> -1`, `>= 0`) is `found`; `=== -1` (or `< 0`) is `missing`: the ES5 spelling of
 * `ALLOWED.includes(x)` and its negation.
 */
function indexCheck(c: Node, subject: string): 'found' | 'missing' | undefined {
  if (!Node.isBinaryExpression(c)) return undefined;
  const [l, r] = [strip(c.getLeft()), strip(c.getRight())];
  const lookup = (n: Node): boolean => {
    if (!Node.isCallExpression(n)) return false;
    const callee = n.getExpression();
    return Node.isPropertyAccessExpression(callee) && callee.getName() === 'indexOf' && n.getArguments()[0]?.getText() === subject && callee.getExpression().getText() !== subject;
  };
  if (!lookup(l)) return undefined;
  const op = c.getOperatorToken().getKind();
  const v = r.getText();
  if ((v === '-1' && [SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.ExclamationEqualsToken, SyntaxKind.GreaterThanToken].includes(op)) || (v === '0' && op === SyntaxKind.GreaterThanEqualsToken)) return 'found';
  if ((v === '-1' && [SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.EqualsEqualsToken].includes(op)) || (v === '0' && op === SyntaxKind.LessThanToken)) return 'missing';
  return undefined;
}

/** True when `cond` being falsy means `subject` is constrained (the negation of {@link constrains}). */
function constrainsWhenFalse(cond: Node, subject: string): boolean {
  const c = strip(cond);
  if (indexCheck(c, subject) === 'missing') return true;
  if (Node.isPrefixUnaryExpression(c) && c.getOperatorToken() === SyntaxKind.ExclamationToken) return constrains(c.getOperand(), subject);
  if (Node.isBinaryExpression(c)) {
    const op = c.getOperatorToken().getKind();
    // if (!ok(x) || other) return;  → past it, ok(x) holds.
    if (op === SyntaxKind.BarBarToken) return constrainsWhenFalse(c.getLeft(), subject) || constrainsWhenFalse(c.getRight(), subject);
    if (op === SyntaxKind.ExclamationEqualsEqualsToken || op === SyntaxKind.ExclamationEqualsToken) {
      const lit = (n: Node): boolean => Node.isStringLiteral(n) || Node.isNumericLiteral(n);
      const [l, r] = [strip(c.getLeft()), strip(c.getRight())];
      return (l.getText() === subject && lit(r)) || (r.getText() === subject && lit(l));
    }
  }
  return false;
}

/** The statement always leaves the function (or loop body): `return`, `throw`, or a block ending in one. */
function exits(stmt: Node | undefined): boolean {
  if (stmt === undefined) return false;
  if (Node.isReturnStatement(stmt) || Node.isThrowStatement(stmt) || Node.isContinueStatement(stmt) || Node.isBreakStatement(stmt)) return true;
  if (Node.isBlock(stmt)) return exits(stmt.getStatements().at(-1));
  if (Node.isExpressionStatement(stmt)) return /^(?:return|throw)\b/.test(stmt.getText());
  return false;
}

const IFS = new WeakMap<Node, IfStatement[]>();

const within = (inner: Node, outer: Node | undefined): boolean => outer !== undefined && inner.getStart() >= outer.getStart() && inner.getEnd() <= outer.getEnd();

/**
 * True when a use of a value is dominated, in its function, by a check that really constrains it to a fixed set:
 * it sits in the `then` branch of `if (ALLOWED.includes(x))`, after `if (!MAP[x]) return ...;`, or in the matching
 * branch of `ALLOWED.includes(x) ? x : fallback`.
 */
export function isGuarded(use: Node): boolean {
  const fn = enclosingFunction(use);
  if (fn === undefined) return false;
  const subject = use.getText();
  if (subject.length > 120) return false;
  let ifs = IFS.get(fn);
  if (ifs === undefined) {
    ifs = fn.getDescendantsOfKind(SyntaxKind.IfStatement);
    IFS.set(fn, ifs);
  }
  // const ext = ALLOWED.includes(q) ? q : 'csv'
  for (let cur: Node = use, p = use.getParent(); p !== undefined && p !== fn; cur = p, p = p.getParent()) {
    if (!Node.isConditionalExpression(p)) continue;
    if (cur === p.getWhenTrue() && constrains(p.getCondition(), subject)) return true;
    if (cur === p.getWhenFalse() && constrainsWhenFalse(p.getCondition(), subject)) return true;
  }
  for (const stmt of ifs) {
    if (stmt.getStart() > use.getStart()) break;
    if (enclosingFunction(stmt) !== fn) continue;
    const cond = stmt.getExpression();
    if (within(use, stmt.getThenStatement()) && constrains(cond, subject)) return true;
    if (within(use, stmt.getElseStatement()) && constrainsWhenFalse(cond, subject)) return true;
    if (stmt.getEnd() <= use.getStart() && exits(stmt.getThenStatement()) && constrainsWhenFalse(cond, subject) && within(use, stmt.getParent())) return true;
  }
  return false;
}
