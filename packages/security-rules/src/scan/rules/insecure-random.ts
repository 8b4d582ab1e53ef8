import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';

const SECRETISH = /token|secret|passw|salt|nonce|otp|session|api_?key|apikey|reset|csrf|verif|invite|code|key$/i;

/** The names a value is bound to or returned from: variable, property, enclosing function. */
function bindingNames(node: Node): string {
  const names: string[] = [];
  for (const a of node.getAncestors().slice(0, 12)) {
    if (Node.isVariableDeclaration(a) || Node.isPropertyAssignment(a) || Node.isFunctionDeclaration(a) || Node.isMethodDeclaration(a)) names.push(a.getName() ?? '');
    if (Node.isBinaryExpression(a) && a.getOperatorToken().getText() === '=') names.push(a.getLeft().getText());
    if (Node.isStatement(a) && !Node.isBlock(a) && !Node.isVariableStatement(a) && !Node.isReturnStatement(a) && !Node.isExpressionStatement(a)) break;
  }
  return names.join(' ');
}

/** `Math.random()` used to make tokens, passwords, reset codes or session ids. */
export const insecureRandom: Rule = {
  meta: {
    id: 'insecure-random',
    title: 'Math.random() used for a security token',
    description: 'Math.random() is not a cryptographic generator: its output can be predicted from a few samples, so tokens, reset codes, session ids and passwords made with it can be guessed. Use crypto.randomBytes/randomUUID/randomInt.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [338, 330],
    owasp: 'A02:2021-Cryptographic Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const call of ctx.calls.callsNamed(new Set(['random']))) {
      if (call.getExpression().getText() !== 'Math.random') continue;
      const names = bindingNames(call);
      if (SECRETISH.test(names) || names.split(' ').some((n) => SECRETISH.test(n))) {
        yield { node: call, message: `Math.random() makes ${names.split(' ')[0] || 'a secret value'}` };
      }
    }
  },
};
