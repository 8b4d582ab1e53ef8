import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import { stringValue } from '../symbols/declarations.js';
import { taintRule, type SinkHit } from './taint-sink.js';
import { checkedAgainstAllowList } from './url-allow-list.js';

function* sinks(ctx: RuleContext): Iterable<SinkHit> {
  for (const call of ctx.calls.callsNamed(new Set(['redirect', 'location', 'setHeader', 'header', 'set']))) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const name = callee.getName();
    const args = call.getArguments();
    if (name === 'redirect') {
      // Express res.redirect([status,] url), Fastify reply.redirect(url[, code]) / (code, url), Koa ctx.redirect(url).
      const url = args.find((a) => !Node.isNumericLiteral(a) && !a.getType().isNumber()) ?? args[0];
      yield { call, arg: url, sink: `${callee.getExpression().getText()}.redirect()` };
    } else if (name === 'location') {
      yield { call, arg: args[0], sink: 'res.location()' };
    } else if (stringValue(args[0])?.toLowerCase() === 'location') {
      yield { call, arg: args[1], sink: 'the Location header' };
    }
  }
}

/** Request data used as a redirect target (`res.redirect(req.query.next)`). */
export const openRedirect = taintRule({
  meta: {
    id: 'open-redirect',
    title: 'Open redirect',
    description: 'A redirect target comes from the request without an allow-list or same-site check, so the app can send users to a phishing site.',
    severity: 'medium',
    confidence: 'taint-confirmed',
    cwe: [601],
    owasp: 'A01:2021-Broken Access Control',
  },
  kind: 'redirect',
  sinks,
  guarded: checkedAgainstAllowList,
  auditDynamic: false,
});
