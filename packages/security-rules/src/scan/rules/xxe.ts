import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { followConst, objectProperty } from '../symbols/declarations.js';

/** libxmljs parsing with external entities on (`noent: true`) or external DTDs loaded (`dtdload: true`). */
export const xxe: Rule = {
  meta: {
    id: 'xxe',
    title: 'XML external entities enabled',
    description: 'XML is parsed with entity substitution (libxmljs noent: true) or external DTD loading (dtdload: true) on, so a document can read local files (file:///etc/passwd) or make the server fetch URLs (SSRF).',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [611],
    owasp: 'A05:2021-Security Misconfiguration',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const { call } of ctx.calls.callsTo(['libxmljs', 'libxmljs2'], ['parseXml', 'parseXmlString', 'parseXmlAsync'])) {
      const opts = followConst(call.getArguments()[1]);
      // noent substitutes entities (file:// reads); dtdload fetches the external DTD (out-of-band XXE, SSRF).
      const on = ['noent', 'dtdload'].map((name) => ({ name, node: objectProperty(opts, name) })).filter((o) => o.node?.getText() === 'true');
      const first = on[0]?.node;
      if (first === undefined) continue;
      const hit = call.getArguments()[0] ? ctx.taint.trace(call.getArguments()[0] as never) : undefined;
      yield { node: first, message: `XML parsed with ${on.map((o) => `${o.name}: true`).join(', ')}${hit ? ` (input: ${hit.source})` : ''}: external entities are ${on[0]?.name === 'noent' ? 'resolved' : 'loaded'}` };
    }
  },
};
