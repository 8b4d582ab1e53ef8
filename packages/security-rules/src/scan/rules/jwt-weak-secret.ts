import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { stringValue, objectProperty } from '../symbols/declarations.js';
import { jwtSites, secretLiteral } from './jwt-calls.js';

const COMMON = /^(?:secret|secretkey|secret_key|changeme|change-me|password|jwtsecret|jwt_secret|jwt-secret|mysecret|my-secret|supersecret|shhhhh+|keyboard cat|test|dev|development|default)$/i;

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) h -= (c / s.length) * Math.log2(c / s.length);
  return h;
}

/** An HMAC (HS256/384/512) key that is short, common or low-entropy can be brute-forced offline from one token. */
export const jwtWeakSecret: Rule = {
  meta: {
    id: 'jwt-weak-secret',
    title: 'Weak JWT HMAC secret',
    description: 'An HS256/384/512 key shorter than 32 characters, a common word, or with low entropy: one captured token is enough to brute-force it offline (hashcat mode 16500) and mint tokens.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [326, 521],
    owasp: 'A02:2021-Cryptographic Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const site of jwtSites(ctx)) {
      const lit = secretLiteral(site.secret);
      if (lit === undefined) continue;
      const alg = stringValue(objectProperty(site.options, 'algorithm')) ?? 'HS256';
      if (!alg.startsWith('HS') || lit.value.includes('-----BEGIN')) continue;
      const v = lit.value;
      const why = COMMON.test(v) ? 'a common word' : v.length < 32 ? `${v.length} characters long (< 32)` : entropy(v) < 3 ? 'low-entropy' : undefined;
      if (why === undefined) continue;
      yield { node: lit.literal, message: `the ${alg} key is ${why}` };
    }
  },
};
