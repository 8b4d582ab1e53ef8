import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { followConst, objectProperty, stringValue } from '../symbols/declarations.js';
import { addOption, jwtSites } from './jwt-calls.js';

const looksAsymmetric = (key: Node | undefined): boolean => /public|pem|cert|jwks|getKey|rsa|ecdsa/i.test(key?.getText() ?? '');

/** `jwt.verify` without pinned `algorithms`, or with `none` allowed; signing with `algorithm: 'none'`. */
export const jwtVerifyAlgorithms: Rule = {
  meta: {
    id: 'jwt-verify-algorithms',
    title: 'JWT verified without pinned algorithms (or with none)',
    description: "jwt.verify() without an algorithms list accepts whatever alg the token header names; with 'none' allowed (or signing with it) the signature is not checked at all.",
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [347, 327],
    owasp: 'A02:2021-Cryptographic Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const site of jwtSites(ctx)) {
      const opts = followConst(site.options);
      if (site.op === 'sign') {
        if (stringValue(objectProperty(opts, 'algorithm'))?.toLowerCase() === 'none') yield { node: site.call, message: "token signed with algorithm 'none'", severity: 'critical' };
        continue;
      }
      if (site.op !== 'verify') continue;
      if (site.options !== undefined && !(opts && Node.isObjectLiteralExpression(opts))) continue;
      const algs = objectProperty(opts, 'algorithms');
      if (algs === undefined) {
        const alg = looksAsymmetric(site.secret) ? 'RS256' : 'HS256';
        const edit = addOption(site, `algorithms: ['${alg}']`);
        yield { node: site.call, message: 'jwt.verify() without algorithms: the token header chooses the algorithm', ...(edit ? { fix: { description: `Pin algorithms: ['${alg}']`, edits: [edit] } } : {}) };
      } else if (/['"`]none['"`]/i.test(followConst(algs)?.getText() ?? '')) {
        yield { node: algs, message: "algorithms allows 'none': unsigned tokens are accepted", severity: 'critical' };
      }
    }
  },
};
