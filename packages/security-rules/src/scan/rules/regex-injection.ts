import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import { resolveDeclaration } from '../symbols/declarations.js';
import { taintRule, type SinkHit } from './taint-sink.js';

function* sinks(ctx: RuleContext): Iterable<SinkHit> {
  const regexpCall = (n: ts.Node): boolean => {
    const e = (n as ts.CallExpression).expression;
    return ts.isIdentifier(e) && e.text === 'RegExp';
  };
  for (const node of [...ctx.nodes.ofKind(SyntaxKind.NewExpression, regexpCall), ...ctx.nodes.ofKind(SyntaxKind.CallExpression, regexpCall)]) {
    {
      const callee = node.getExpression();
      if (!Node.isIdentifier(callee) || callee.getText() !== 'RegExp') continue;
      const d = resolveDeclaration(callee);
      if (d && !d.getSourceFile().isDeclarationFile()) continue;
      yield { call: node, arg: node.getArguments()[0], sink: 'new RegExp()' };
    }
  }
}

/** Request data compiled into a regular expression (ReDoS, or matching more than intended). */
export const regexInjection = taintRule({
  meta: {
    id: 'regex-injection',
    title: 'Regular expression injection',
    description: 'Request data is compiled with new RegExp() without escaping, so a client can submit a catastrophic pattern (ReDoS) or match more than intended.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [1333, 730],
    owasp: 'A03:2021-Injection',
  },
  kind: 'regex',
  sinks,
  auditDynamic: false,
});
