import { Node, SyntaxKind, type IfStatement } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { routeLabel, type Route } from '../routes/types.js';
import { resolveDeclaration, stringValue } from '../symbols/declarations.js';

/** Calls and statements that answer the client; the literals inside them are what the client sees. */
const RESPOND = new Set(['send', 'json', 'render', 'redirect', 'status', 'code', 'end', 'flash', 'sendStatus', 'throw', 'done', 'callback', 'cb', 'reply']);
const LOOKUP_CALL = /(?:find|get|select|query|lookup|fetch|load|first|one|where|exists)\w*$/i;
const NOT_LOOKUP = /compare|verify|check|valid|hash|match/i;
const UNKNOWN_FLAG = /no_?such_?user|user_?not_?found|unknown_?user|not_?found|no_?user|invalid_?user(?:name)?/i;
/** Paths of account flows that `authRoutes` may not spell out: `/forgotpw`, `/resetPassword`, `/signin.do`. */
const ACCOUNT_PATH = /log-?in|sign-?in|forgot|reset|recover|passw/i;
const PASSWORD = /compare|password|passwd|verify|valid|match|hash|authenticat|credential/i;

const strip = (n: Node): Node => (Node.isParenthesizedExpression(n) || Node.isAwaitExpression(n) ? strip(n.getExpression()) : n);

/** A value that holds the result of looking a user up: the const of `await User.findOne(…)`, or the parameter of its callback. */
function isLookupResult(expr: Node): boolean {
  let root = strip(expr);
  while (Node.isPropertyAccessExpression(root) || Node.isElementAccessExpression(root)) root = root.getExpression();
  if (!Node.isIdentifier(root)) return false;
  const decl = resolveDeclaration(root);
  if (decl === undefined) return false;
  const lookupCall = (c: Node | undefined): boolean => {
    const call = c && strip(c);
    if (!call || !Node.isCallExpression(call)) return false;
    const callee = call.getExpression();
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    if (name === 'then' && Node.isPropertyAccessExpression(callee)) return lookupCall(callee.getExpression());
    return LOOKUP_CALL.test(name) && !NOT_LOOKUP.test(name);
  };
  if (Node.isVariableDeclaration(decl)) return lookupCall(decl.getInitializer());
  if (Node.isBindingElement(decl)) {
    const holder = decl.getParent().getParent();
    return Node.isVariableDeclaration(holder) && lookupCall(holder.getInitializer());
  }
  if (Node.isParameterDeclaration(decl)) {
    const fn = decl.getParent();
    const call = fn.getParent();
    return call !== undefined && Node.isCallExpression(call) && lookupCall(call);
  }
  return false;
}

/** `!user`, `user == null`, `!rows.length`, `err.noSuchUser` → the user is unknown when the condition holds (`'then'`); `user` → `'else'`. */
function unknownUserBranch(cond: Node): 'then' | 'else' | undefined {
  const c = strip(cond);
  const text = c.getText();
  if (PASSWORD.test(text) && !UNKNOWN_FLAG.test(text)) return undefined; // `!user || !compare(…)`: one answer for both
  if (Node.isPrefixUnaryExpression(c) && c.getOperatorToken() === SyntaxKind.ExclamationToken) return isLookupResult(c.getOperand()) ? 'then' : undefined;
  if (Node.isBinaryExpression(c)) {
    const op = c.getOperatorToken().getText();
    const nullish = (n: Node): boolean => ['null', 'undefined', '0'].includes(n.getText());
    const subject = nullish(c.getRight()) ? c.getLeft() : nullish(c.getLeft()) ? c.getRight() : undefined;
    if (subject === undefined || !isLookupResult(subject)) return undefined;
    if (op === '==' || op === '===') return 'then';
    if (op === '!=' || op === '!==' || op === '>') return 'else';
    return undefined;
  }
  if ((Node.isIdentifier(c) || Node.isPropertyAccessExpression(c)) && UNKNOWN_FLAG.test(text)) return 'then';
  if (Node.isIdentifier(c) || Node.isPropertyAccessExpression(c)) return isLookupResult(c) ? 'else' : undefined;
  return undefined;
}

/** The branch taken when a password check fails: `if (!ok) {…}` → then, `if (ok) {…} else {…}` → else. */
function passwordFailBranch(stmt: IfStatement): Node | undefined {
  const text = strip(stmt.getExpression()).getText();
  if (!PASSWORD.test(text) || unknownUserBranch(stmt.getExpression()) !== undefined) return undefined;
  const negative = /^!|!==?|===?\s*false|invalid|wrong|bad/i.test(text);
  return negative ? stmt.getThenStatement() : stmt.getElseStatement();
}

/** What the client sees from a piece of code: the literals (and const strings) inside its responses. */
function answer(nodes: readonly Node[]): string {
  const out: string[] = [];
  const collect = (n: Node): void => {
    for (const d of [n, ...n.getDescendants()]) {
      if (Node.isStringLiteral(d) || Node.isNoSubstitutionTemplateLiteral(d) || Node.isNumericLiteral(d)) out.push(d.getText());
      else if (Node.isIdentifier(d) && !Node.isPropertyAccessExpression(d.getParent() ?? d)) {
        const v = stringValue(d);
        if (v !== undefined) out.push(JSON.stringify(v));
      }
    }
  };
  for (const root of nodes) {
    for (const d of [root, ...root.getDescendants()]) {
      if (Node.isCallExpression(d)) {
        const callee = d.getExpression();
        const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
        if (RESPOND.has(name)) d.getArguments().forEach(collect);
      } else if (Node.isBinaryExpression(d) && d.getOperatorToken().getText() === '=' && /\.(?:body|status)$/.test(d.getLeft().getText())) collect(d.getRight());
      else if (Node.isThrowStatement(d) || (Node.isReturnStatement(d) && d.getExpression() !== undefined && Node.isObjectLiteralExpression(d.getExpression()!))) collect(d);
    }
  }
  return [...new Set(out)].sort().join(' ');
}

/** The statements after `stmt` in its block: what runs when an exiting `if` is not taken. */
const rest = (stmt: Node): Node[] => {
  const parent = stmt.getParent();
  if (parent === undefined || !(Node.isBlock(parent) || Node.isSourceFile(parent))) return [];
  const all = parent.getStatements();
  return all.slice(all.indexOf(stmt as never) + 1);
};

/** Handlers that identify a user: login, sign-in, password forgot/reset routes and passport-local verify callbacks. */
function scopes(ctx: RuleContext): { fn: Node; route: Route | undefined }[] {
  const authRoute = new RegExp(ctx.config.authRoutes, 'i');
  const out: { fn: Node; route: Route | undefined }[] = ctx.routes.routes.filter((r) => r.handler && (authRoute.test(r.path) || ACCOUNT_PATH.test(r.path))).map((r) => ({ fn: r.handler as Node, route: r }));
  for (const { call } of ctx.calls.callsTo(['passport-local'])) {
    const verify = call.getArguments().at(-1);
    if (verify && (Node.isFunctionExpression(verify) || Node.isArrowFunction(verify))) out.push({ fn: verify, route: undefined });
  }
  return out;
}

/** Login or password-reset flows that answer differently for an unknown user than for a wrong password (or a known user). */
export const userEnumeration: Rule = {
  meta: {
    id: 'user-enumeration',
    title: 'User enumeration through different answers',
    description: 'A login, password-forgot or password-reset handler answers an unknown user differently (message, status code or redirect) from a wrong password or a known user, so anyone can test which logins and e-mail addresses have accounts.',
    severity: 'medium',
    confidence: 'taint-confirmed',
    cwe: [204, 203],
    owasp: 'A07:2021-Identification and Authentication Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const seen = new Set<Node>();
    for (const { fn, route } of scopes(ctx)) {
      const ifs = fn.getDescendantsOfKind(SyntaxKind.IfStatement);
      const passwordFail = ifs.map(passwordFailBranch).filter((b): b is Node => b !== undefined);
      for (const stmt of ifs) {
        if (seen.has(stmt)) continue;
        const side = unknownUserBranch(stmt.getExpression());
        const unknown = side === 'then' ? stmt.getThenStatement() : stmt.getElseStatement();
        if (side === undefined || unknown === undefined) continue;
        const unknownAnswer = answer([unknown]);
        if (unknownAnswer === '') continue;
        // Login: compare with the wrong-password answer. Reset/forgot: with the known-user answer.
        const others = passwordFail.length > 0
          ? passwordFail.map((b) => answer([b]))
          : [answer(side === 'then' ? (stmt.getElseStatement() ? [stmt.getElseStatement()!] : rest(stmt)) : [stmt.getThenStatement()])];
        const differing = others.find((a) => a !== '' && a !== unknownAnswer);
        if (differing === undefined) continue;
        seen.add(stmt);
        yield {
          node: stmt.getExpression(),
          message: `an unknown user gets a different answer (${unknownAnswer.slice(0, 60)}) than ${passwordFail.length > 0 ? 'a wrong password' : 'a known one'} (${differing.slice(0, 60)})${route ? ` in ${routeLabel(route)}` : ''}: the response tells which accounts exist`,
          ...(route ? { route: routeLabel(route) } : {}),
        };
      }
    }
  },
};
