import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { stringValue } from '../symbols/declarations.js';

/** `rejectUnauthorized: false`, `NODE_TLS_REJECT_UNAUTHORIZED = '0'`, `strictSSL: false`, a no-op `checkServerIdentity`. */
export const tlsVerificationDisabled: Rule = {
  meta: {
    id: 'tls-verification-disabled',
    title: 'TLS certificate verification disabled',
    description: 'Certificate checks are turned off (rejectUnauthorized: false, NODE_TLS_REJECT_UNAUTHORIZED=0, strictSSL: false, a checkServerIdentity that accepts everything), so anyone on the network path can read and change the traffic.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [295],
    owasp: 'A02:2021-Cryptographic Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const tlsProp = (n: ts.Node): boolean => /rejectUnauthorized|strictSSL|checkServerIdentity/.test((n as ts.PropertyAssignment).name.getText());
    const envAssign = (n: ts.Node): boolean => (n as ts.BinaryExpression).operatorToken.kind === ts.SyntaxKind.EqualsToken && /NODE_TLS_REJECT_UNAUTHORIZED/.test((n as ts.BinaryExpression).left.getText());
    {
      for (const pa of ctx.nodes.ofKind(SyntaxKind.PropertyAssignment, tlsProp)) {
        const name = pa.getName().replace(/['"]/g, '');
        const v = pa.getInitializer();
        if ((name === 'rejectUnauthorized' || name === 'strictSSL') && v?.getText() === 'false') yield { node: pa, message: `${name}: false disables certificate verification` };
        if (name === 'checkServerIdentity' && v && (Node.isArrowFunction(v) || Node.isFunctionExpression(v)) && !/return\s+new\s+Error|throw|Error\(/.test(v.getText()) && /=>\s*(?:undefined|null|\{\s*\})\s*$|\{\s*(?:return\s*(?:undefined|null)?;?)?\s*\}$/.test(v.getText())) {
          yield { node: pa, message: 'checkServerIdentity accepts every certificate' };
        }
      }
      for (const be of ctx.nodes.ofKind(SyntaxKind.BinaryExpression, envAssign)) {
        if (be.getOperatorToken().getText() !== '=') continue;
        const left = be.getLeft().getText().replace(/\[['"](\w+)['"]\]/, '.$1');
        if (left === 'process.env.NODE_TLS_REJECT_UNAUTHORIZED' && stringValue(be.getRight()) === '0') yield { node: be, message: 'NODE_TLS_REJECT_UNAUTHORIZED=0 disables certificate checks for the whole process' };
      }
    }
  },
};
