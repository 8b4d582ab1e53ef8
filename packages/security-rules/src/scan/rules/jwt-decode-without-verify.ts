import { SyntaxKind } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../model/rule.js';
import { enclosingFunction } from '../symbols/declarations.js';
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
      if (verified) continue;
      yield { node: site.call, message: 'jwt.decode() result is used without jwt.verify() in the same function' };
    }
  },
};
