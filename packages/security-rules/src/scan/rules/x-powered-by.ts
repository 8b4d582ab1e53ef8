import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { resolveDeclaration, stringValue } from '../symbols/declarations.js';

/** Express apps that keep `X-Powered-By: Express` (no `app.disable('x-powered-by')` and no helmet). */
export const xPoweredBy: Rule = {
  meta: {
    id: 'x-powered-by',
    title: 'X-Powered-By header left on',
    description: "Express sends X-Powered-By: Express unless app.disable('x-powered-by') or helmet removes it; it tells attackers which exploits to try.",
    severity: 'low',
    confidence: 'taint-confirmed',
    cwe: [200],
    owasp: 'A05:2021-Security Misconfiguration',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const disabled = new Set<Node>();
    for (const call of ctx.calls.callsNamed(new Set(['disable', 'set']))) {
      const callee = call.getExpression();
      const [a0, a1] = call.getArguments();
      if (!Node.isPropertyAccessExpression(callee) || stringValue(a0)?.toLowerCase() !== 'x-powered-by') continue;
      if (callee.getName() === 'set' && a1?.getText() !== 'false') continue;
      const recv = callee.getExpression();
      const d = Node.isIdentifier(recv) ? resolveDeclaration(recv) : undefined;
      if (d) disabled.add(d);
    }
    for (const app of ctx.routes.containers) {
      if (app.framework !== 'express' || app.kind !== 'app' || app.parent !== undefined || disabled.has(app.node)) continue;
      const helmet = ctx.routes.containers.some((c) => (c === app || c.parent === app) && c.middleware.some((m) => m.mw.kinds.has('helmet') && !/hidePoweredBy:\s*false|xPoweredBy:\s*false/.test(m.mw.node.getText())));
      if (helmet) continue;
      if (app.middleware.length === 0 && !ctx.routes.routes.some((r) => r.container === app || r.container.parent === app)) continue;
      yield { node: app.node, message: "Express app sends X-Powered-By: call app.disable('x-powered-by') or use helmet" };
    }
  },
};
