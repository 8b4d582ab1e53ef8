import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { routeLabel } from '../routes/types.js';
import { resolveDeclaration, resolveFunction } from '../symbols/declarations.js';

/** Names of one-time secrets sent to a user: reset/verification/activation tokens and codes, magic links. */
const TOKEN_NAME = /(?:reset|verif|confirm|activat|invite|magic|recover|otp|one_?time|email_?token|password_?token)\w*|^(?:token|code)$/i;
/** A hash, an encoding or a clock: what turns predictable data into something that only looks random. */
const DERIVATION = /createHash|\bmd5\b|\bsha1\b|\bsha256\b|\bsha512\b|\b(?:MD5|SHA1|SHA256|SHA512)\b|\bbtoa\(|Buffer\.from\(|toString\(\s*(?:36|16|32|['"](?:base64|base64url|hex)['"])\s*\)|Date\.now\(\)|getTime\(\)|new Date\(|\buuidv1\b|\bv1\(\)/;
/** Data an attacker knows or can guess: who the user is, the clock, Math.random, a time-based uuid. */
const PREDICTABLE = /e?mail|login|user_?name|username|user_?id|\.id\b|phone|Date\.now\(\)|getTime\(\)|new Date\(|Math\.random\(\)|\buuidv1\b|\bv1\(\)/i;
/** A cryptographic generator or a server-side key: the value is not predictable. */
const UNPREDICTABLE = /randomBytes|randomUUID|getRandomValues|randomInt|nanoid|uuidv4|\bv4\(|cryptoRandomString|crypto-random-string|uid-safe|uidSafe|generateSecret|createHmac|process\.env|secret|passw|privateKey/i;

/** The value's text with what it is built from: the initializers of identifiers it names and the bodies of local helpers it calls (two levels). */
function expanded(expr: Node, depth = 0): string {
  let text = expr.getText();
  if (depth > 1) return text;
  for (const id of [expr, ...expr.getDescendantsOfKind(SyntaxKind.Identifier)].filter(Node.isIdentifier)) {
    const decl = resolveDeclaration(id);
    if (decl && Node.isVariableDeclaration(decl) && decl.getInitializer() && !decl.getSourceFile().isDeclarationFile()) text += `\n${expanded(decl.getInitializer()!, depth + 1)}`;
  }
  for (const call of [expr, ...expr.getDescendantsOfKind(SyntaxKind.CallExpression)].filter(Node.isCallExpression)) {
    const fn = resolveFunction(call.getExpression());
    if (fn && !fn.getSourceFile().isDeclarationFile() && !fn.getSourceFile().isInNodeModules()) text += `\n${fn.getText()}`;
  }
  return text;
}

/** `name = value` bindings: variables, object properties and member assignments (`user.resetToken = …`). */
function* bindings(ctx: RuleContext): Iterable<{ at: Node; name: string; value: Node }> {
  const named = (n: ts.Node): boolean => TOKEN_NAME.test((n as ts.VariableDeclaration).name.getText());
  for (const d of ctx.nodes.ofKind(SyntaxKind.VariableDeclaration, named)) {
    const v = d.getInitializer();
    if (v) yield { at: d, name: d.getName(), value: v };
  }
  for (const p of ctx.nodes.ofKind(SyntaxKind.PropertyAssignment, named)) yield { at: p, name: p.getName(), value: p.getInitializer()! };
  const assign = (n: ts.Node): boolean => (n as ts.BinaryExpression).operatorToken.kind === SyntaxKind.EqualsToken && ts.isPropertyAccessExpression((n as ts.BinaryExpression).left) && TOKEN_NAME.test(((n as ts.BinaryExpression).left as ts.PropertyAccessExpression).name.text);
  for (const b of ctx.nodes.ofKind(SyntaxKind.BinaryExpression, assign)) yield { at: b, name: b.getLeft().getText(), value: b.getRight() };
}

const EQUALITY = new Set([SyntaxKind.EqualsEqualsToken, SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken]);

/** The token-named value a side of a comparison reads (`req.query.token`, `resetToken`), if any. */
function tokenRead(side: Node): string | undefined {
  const name = Node.isPropertyAccessExpression(side) ? side.getName() : Node.isIdentifier(side) ? side.getText() : undefined;
  return name !== undefined && TOKEN_NAME.test(name) ? side.getText() : undefined;
}

/**
 * Tokens verified against a recomputation: `if (req.query.token == md5(req.query.login))`. The server never stores
 * a random token; it accepts whatever the derivation yields, so the derivation is the token, and the same tests
 * apply to it as to a token that is generated and sent.
 */
function* comparisons(ctx: RuleContext): Iterable<{ at: Node; subject: string; value: Node }> {
  const eq = (n: ts.Node): boolean => EQUALITY.has((n as ts.BinaryExpression).operatorToken.kind);
  for (const b of ctx.nodes.ofKind(SyntaxKind.BinaryExpression, eq)) {
    for (const [token, other] of [[b.getLeft(), b.getRight()], [b.getRight(), b.getLeft()]] as const) {
      const name = tokenRead(token);
      // A derivation computed in place; a token-named variable on the other side is reported where it is bound.
      if (name !== undefined && tokenRead(other) === undefined && Node.isCallExpression(other)) yield { at: b, subject: `${name} is checked against ${other.getText().slice(0, 60)}, which is`, value: other };
    }
  }
}

/** Reset, verification and activation tokens derived from data an attacker knows: a hash of the e-mail, the clock, Math.random. */
export const predictableToken: Rule = {
  meta: {
    id: 'predictable-token',
    title: 'Reset or verification token derived from predictable data',
    description: 'A password-reset, verification, activation or invitation token is computed from data an attacker knows or can guess — a hash or encoding of the login, e-mail or user id, the current time (Date.now, new Date, uuid v1) or Math.random — instead of a cryptographic generator, so the attacker can compute a victim\'s token and take over the account.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [340, 330, 640],
    owasp: 'A07:2021-Identification and Authentication Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const { at, subject, value } of [...[...bindings(ctx)].map((b) => ({ at: b.at, subject: `${b.name} is`, value: b.value })), ...comparisons(ctx)]) {
      if (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) continue;
      const text = expanded(value);
      if (!DERIVATION.test(text) || UNPREDICTABLE.test(text)) continue;
      const data = PREDICTABLE.exec(text)?.[0];
      if (data === undefined) continue;
      const route = ctx.routeOf(at);
      yield {
        node: at,
        message: `${subject} derived from predictable data (${data.replace(/\($/, '')}): anyone who knows it can compute the token; use crypto.randomBytes(32)`,
        ...(route ? { route: routeLabel(route) } : {}),
      };
    }
  },
};
