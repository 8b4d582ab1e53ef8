import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { followConst, objectProperty } from '../symbols/declarations.js';
import { addOption, jwtSites } from './jwt-calls.js';

const UNIT: Record<string, number> = { s: 1, sec: 1, m: 60, min: 60, h: 3600, hr: 3600, d: 86400, day: 86400, days: 86400, w: 604800, y: 31557600, year: 31557600, years: 31557600 };
const MAX_SECONDS = 30 * 86400;

/** `'15m'` → 900, `3600` → 3600 (jsonwebtoken reads numbers as seconds); undefined when not a constant. */
export function expirySeconds(node: Node | undefined): number | undefined {
  const e = followConst(node);
  if (e === undefined) return undefined;
  if (Node.isNumericLiteral(e)) return Number(e.getLiteralValue());
  if (!Node.isStringLiteral(e) && !Node.isNoSubstitutionTemplateLiteral(e)) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(e.getLiteralValue());
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  return unit === '' ? Number(m[1]) / 1000 : Number(m[1]) * (UNIT[unit] ?? UNIT[unit.replace(/s$/, '')] ?? NaN);
}

/** `jwt.sign` without `expiresIn` (or `exp` in the payload), or with an expiry longer than 30 days. */
export const jwtMissingExpiry: Rule = {
  meta: {
    id: 'jwt-missing-expiry',
    title: 'JWT signed without expiry (or with a very long one)',
    description: 'A token without exp is valid forever: a leaked token cannot be contained short of rotating the key. Expiries longer than 30 days have the same problem for access tokens.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [613],
    owasp: 'A07:2021-Identification and Authentication Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const site of jwtSites(ctx)) {
      if (site.op !== 'sign' || !Node.isCallExpression(site.call)) continue;
      const payload = followConst(site.call.getArguments()[0]);
      if (payload && Node.isObjectLiteralExpression(payload) && payload.getProperty('exp')) continue;
      if (payload && !Node.isObjectLiteralExpression(payload) && !(Node.isStringLiteral(payload))) {
        // A payload built elsewhere may carry exp: only judge explicit options then.
        if (site.options === undefined) continue;
      }
      const opts = followConst(site.options);
      if (site.options !== undefined && !(opts && Node.isObjectLiteralExpression(opts))) continue;
      const exp = objectProperty(opts, 'expiresIn');
      if (exp === undefined) {
        const edit = addOption(site, "expiresIn: '15m'");
        yield { node: site.call, message: 'jwt.sign() without expiresIn: the token never expires', ...(edit ? { fix: { description: "Add expiresIn: '15m'", edits: [edit] } } : {}) };
        continue;
      }
      const secs = expirySeconds(exp);
      if (secs !== undefined && secs > MAX_SECONDS) {
        yield { node: exp, message: `token lifetime ${exp.getText()} is longer than 30 days`, severity: 'medium' };
      }
    }
  },
};
