import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { stringValue } from '../symbols/declarations.js';

const FAST = new Set(['md5', 'sha1', 'sha256', 'sha512', 'sha224', 'sha384', 'md4', 'ripemd160']);
const PASSWORD = /pass(?:word)?|pwd|passwd/i;

/** The `.update(x)` argument chained on a `createHash(...)` call, if any. */
function updatedWith(call: Node): Node | undefined {
  const pa = call.getParent();
  if (!pa || !Node.isPropertyAccessExpression(pa) || pa.getName() !== 'update') return undefined;
  const up = pa.getParent();
  return up && Node.isCallExpression(up) ? up.getArguments()[0] : undefined;
}

/** Passwords hashed with a fast digest (md5/sha*), or bcrypt with fewer than 10 rounds. */
export const weakPasswordHash: Rule = {
  meta: {
    id: 'weak-password-hash',
    title: 'Weak password hashing',
    description: 'Passwords are hashed with a fast digest (MD5, SHA-1, SHA-256) or bcrypt with a cost below 10; a leaked table is cracked at billions of guesses per second. Use argon2id, scrypt or bcrypt (cost ≥ 10).',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [916, 328],
    owasp: 'A02:2021-Cryptographic Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const { call } of ctx.calls.callsTo(['crypto'], ['createHash'])) {
      const alg = stringValue(call.getArguments()[0])?.toLowerCase();
      if (alg === undefined || !FAST.has(alg)) continue;
      const input = updatedWith(call);
      const hit = input ? ctx.taint.trace(input) : undefined;
      const passwordy = input !== undefined && (PASSWORD.test(input.getText()) || (hit !== undefined && PASSWORD.test(hit.steps.map((s) => s.node.getText()).join(' '))));
      if (passwordy) yield { node: call, message: `password hashed with ${alg}, a fast digest` };
      else if (alg === 'md5' || alg === 'sha1') yield { node: call, message: `${alg} is a broken digest`, confidence: 'pattern', severity: 'low' };
    }
    for (const { call, ref } of ctx.calls.callsTo(['bcrypt', 'bcryptjs'], ['hash', 'hashSync', 'genSalt', 'genSaltSync'])) {
      const name = ref.path.at(-1) ?? '';
      const rounds = call.getArguments()[name.startsWith('genSalt') ? 0 : 1];
      if (rounds && Node.isNumericLiteral(rounds) && Number(rounds.getLiteralValue()) < 10) yield { node: rounds, message: `bcrypt cost ${rounds.getText()} is below 10` };
    }
  },
};
