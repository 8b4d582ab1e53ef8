import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { entropy } from './jwt-weak-secret.js';
import { followConst, objectProperty } from '../symbols/declarations.js';

/** Key formats with a fixed shape (provider prefixes, PEM private keys). */
export const KEY_FORMATS: [string, RegExp][] = [
  ['AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ['Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}/],
  ['Stripe secret key', /\b[sr]k_live_[A-Za-z0-9]{20,}/],
  ['Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['private key', /-----BEGIN (?:RSA |EC |OPENSSH |DSA |ENCRYPTED )?PRIVATE KEY-----/],
  ['SendGrid key', /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/],
  ['OpenAI key', /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}\b/],
];
const SECRET_NAME = /(?:secret|passw(?:or)?d|passwd|pwd|api_?key|apikey|access_?key|private_?key|auth_?token|client_?secret|signing_?key|token_?secret|credentials?)$/i;
const PLACEHOLDER = /^(?:changeme|change-me|example|placeholder|xxx+|\*+|your[-_ ].*|<.*>|\$\{.*\}|todo|test|dummy|secret|password)$/i;

const nameOf = (lit: Node): string | undefined => {
  const p = lit.getParent();
  if (p && (Node.isVariableDeclaration(p) || Node.isPropertyAssignment(p) || Node.isPropertyDeclaration(p))) return p.getName();
  if (p && Node.isBinaryExpression(p) && p.getOperatorToken().getKind() === SyntaxKind.EqualsToken) return p.getLeft().getText().split('.').at(-1);
  return undefined;
};

/** Credentials in the source: known key formats anywhere, and high-entropy literals bound to secret-looking names. */
export const hardcodedSecret: Rule = {
  meta: {
    id: 'hardcoded-secret',
    title: 'Hard-coded secret',
    description: 'A credential is written in the source: a known key format (AWS, GitHub, Slack, Stripe, Google, private key) or a high-entropy string assigned to a secret/password/apiKey name. It ends up in every clone, build and log of the repository.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [798],
    owasp: 'A07:2021-Identification and Authentication Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    // session({ secret: 'keyboard cat' }), cookieParser('s3cret'): cookie-signing keys.
    for (const { call, ref } of ctx.calls.callsTo(['express-session', 'cookie-session', 'cookie-parser', 'koa-session', '@fastify/cookie', '@fastify/session', '@fastify/secure-session'])) {
      const a0 = call.getArguments()[0];
      const opts = followConst(a0);
      const key = opts && Node.isObjectLiteralExpression(opts) ? (objectProperty(opts, 'secret') ?? objectProperty(opts, 'keys')) : a0;
      const lit = followConst(key);
      if (lit && (Node.isStringLiteral(lit) || Node.isNoSubstitutionTemplateLiteral(lit) || (Node.isArrayLiteralExpression(lit) && lit.getElements().some((e) => Node.isStringLiteral(e))))) {
        yield { node: lit, message: `${ref.module} signing secret is hard-coded` };
      }
    }
    const candidate = (n: ts.Node): boolean => {
      const v = (n as ts.StringLiteral).text;
      if (v.length < 8) return false;
      if (KEY_FORMATS.some(([, re]) => re.test(v))) return true;
      const p = n.parent;
      const name = ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) ? p.name.getText() : ts.isBinaryExpression(p) ? p.left.getText() : '';
      return SECRET_NAME.test(name.replace(/['"]/g, '').split('.').at(-1) ?? '');
    };
    {
      for (const lit of [...ctx.nodes.ofKind(SyntaxKind.StringLiteral, candidate), ...ctx.nodes.ofKind(SyntaxKind.NoSubstitutionTemplateLiteral, candidate)]) {
        const v = lit.getLiteralValue();
        if (v.length < 8) continue;
        const format = KEY_FORMATS.find(([, re]) => re.test(v));
        if (format) {
          yield { node: lit, message: `${format[0]} in the source` };
          continue;
        }
        const name = nameOf(lit);
        if (name === undefined || !SECRET_NAME.test(name) || PLACEHOLDER.test(v) || /\s/.test(v)) continue;
        if (v.length >= 12 && entropy(v) >= 3.3) yield { node: lit, message: `${name} is a hard-coded ${v.length}-character secret` };
        else if (v.length >= 8) yield { node: lit, message: `${name} is a hard-coded string`, confidence: 'pattern' };
      }
    }
  },
};
