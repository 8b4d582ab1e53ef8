import { SyntaxKind, type Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { enclosingFunction, resolveFunction } from '../symbols/declarations.js';
import { jwtSites } from './jwt-calls.js';

/** `jwt.decode()` used where no `jwt.verify()` happens: the claims are trusted without checking the signature. */
export const jwtDecodeWithoutVerify: Rule = {
  meta: {
    id: 'jwt-decode-without-verify',
    title: 'JWT decoded and trusted without verification',
    description: 'jwt.decode() only base64-decodes the token; it does not check the signature. Using its claims for identity or authorisation lets anyone forge them.',
    severity: 'critical',
    confidence: 'taint-confirmed',
    cwe: [345, 347],
    owasp: 'A07:2021-Identification and Authentication Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const sites = jwtSites(ctx);
    const verifies = sites.filter((s) => s.op === 'verify');
    for (const site of sites) {
      if (site.op !== 'decode') continue;
      const fn = enclosingFunction(site.call);
      const scope = fn ?? site.call.getSourceFile();
      const verified = verifies.some((v) => scope.getDescendantsOfKind(SyntaxKind.CallExpression).includes(v.call as never));
      if (verified || verifiedEarlier(site.call, verifies.map((v) => v.call), ctx)) continue;
      yield { node: site.call, message: 'jwt.decode() result is used without jwt.verify() in the same function, an earlier call or the route\'s authentication middleware' };
    }
  },
};

/**
 * The token was verified earlier in the flow: the route's chain has an authentication middleware (or one that
 * calls `jwt.verify()`), or a call
 * before the decode (in the same function) goes to a function that calls `jwt.verify()`.
 */
function verifiedEarlier(decode: Node, verifies: readonly Node[], ctx: RuleContext): boolean {
  const verifiers = new Set(verifies.map((v) => enclosingFunction(v)).filter((f) => f !== undefined));
  const chain = ctx.routeOf(decode)?.chain ?? [];
  if (chain.some((m) => m.kinds.has('auth') || verifiers.has(resolveFunction(m.node) as never))) return true;
  const fn = enclosingFunction(decode);
  if (fn === undefined) return false;
  return fn.getDescendantsOfKind(SyntaxKind.CallExpression).some((c) => {
    if (c.getStart() >= decode.getStart()) return false;
    const target = resolveFunction(c.getExpression());
    return target !== undefined && verifiers.has(target);
  });
}
