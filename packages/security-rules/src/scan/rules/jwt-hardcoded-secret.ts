import type { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { jwtSites, secretLiteral } from './jwt-calls.js';

/** Inserts `if (!process.env.NAME) throw ...` after the file's imports. */
function startupCheck(node: Node, name: string): { node: Node; text: string; start: number; end: number } {
  const sf = node.getSourceFile();
  const imports = sf.getImportDeclarations();
  const at = imports.length > 0 ? (imports.at(-1)?.getEnd() ?? 0) : 0;
  const text = `${at === 0 ? '' : '\n'}if (!process.env.${name}) throw new Error('${name} is not set');\n`;
  return { node: sf, text, start: at, end: at };
}

/** A JWT signing/verification key written in the code, or `process.env.X || 'literal'`. */
export const jwtHardcodedSecret: Rule = {
  meta: {
    id: 'jwt-hardcoded-secret',
    title: 'JWT key hard-coded or with a literal fallback',
    description: 'The key that signs or verifies JWTs is a literal in the code, or process.env.X with a literal fallback that silently applies when the variable is missing. Anyone with the source can mint tokens.',
    severity: 'critical',
    confidence: 'taint-confirmed',
    cwe: [798, 321],
    owasp: 'A02:2021-Cryptographic Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const site of jwtSites(ctx)) {
      if (site.secret === undefined) continue;
      const lit = secretLiteral(site.secret);
      if (lit === undefined) continue;
      const env = /process\.env\.(\w+)/.exec(lit.whole.getText())?.[1] ?? 'JWT_SECRET';
      const ts = /\.[cm]?tsx?$/.test(site.call.getSourceFile().getFilePath());
      const direct = lit.whole === site.secret || lit.whole.getParent() === site.secret.getParent();
      const fix = direct
        ? { description: `Read the key from process.env.${env} and fail at startup when it is missing`, edits: [{ node: lit.whole, text: `process.env.${env}${ts ? '!' : ''}` }, startupCheck(site.call, env)] }
        : undefined;
      yield {
        node: site.secret,
        message: lit.fallback
          ? `JWT key falls back to the literal '${lit.value.slice(0, 4)}…' when process.env.${env} is missing`
          : `JWT key is the literal '${lit.value.slice(0, 4)}…' in the source`,
        ...(fix ? { fix } : {}),
      };
    }
  },
};
