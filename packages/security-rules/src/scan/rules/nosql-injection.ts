import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { routeLabel } from '../routes/types.js';

const JS_OPERATORS = new Set(['$where', '$function', '$accumulator']);

/** MongoDB server-side JavaScript (`$where`, `$function`) built from request data. */
export const nosqlInjection: Rule = {
  meta: {
    id: 'nosql-injection',
    title: 'NoSQL injection (MongoDB $where / server-side JavaScript)',
    description: 'Request data is interpolated into a MongoDB $where/$function JavaScript string, so a client can run JavaScript in the database (1\'; while(true){} blocks it; 1\'; return true dumps every document).',
    severity: 'critical',
    confidence: 'taint-confirmed',
    cwe: [943],
    owasp: 'A03:2021-Injection',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const jsOperator = (n: ts.Node): boolean => JS_OPERATORS.has((n as ts.PropertyAssignment).name.getText().replace(/['"]/g, ''));
    for (const pa of ctx.nodes.ofKind(SyntaxKind.PropertyAssignment, jsOperator)) {
      const value = pa.getInitializer();
      if (value === undefined || Node.isArrowFunction(value) || Node.isFunctionExpression(value)) continue;
      const hit = ctx.taint.trace(value);
      if (!hit) continue;
      const route = ctx.routeOf(pa);
      yield { node: pa, message: `${hit.source} reaches a MongoDB ${pa.getName()} expression`, flow: [...hit.steps, { node: value, message: `evaluated by MongoDB as ${pa.getName()}` }], ...(route ? { route: routeLabel(route) } : {}) };
    }
  },
};
