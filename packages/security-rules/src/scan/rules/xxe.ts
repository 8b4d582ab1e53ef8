import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { followConst, objectProperty } from '../symbols/declarations.js';

/** libxmljs parsing with external entities on (`noent: true`). */
export const xxe: Rule = {
  meta: {
    id: 'xxe',
    title: 'XML external entities enabled',
    description: 'XML is parsed with entity substitution on (libxmljs noent: true), so a document can read local files (file:///etc/passwd) or make the server fetch URLs (SSRF).',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [611],
    owasp: 'A05:2021-Security Misconfiguration',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const { call } of ctx.calls.callsTo(['libxmljs', 'libxmljs2'], ['parseXml', 'parseXmlString', 'parseXmlAsync'])) {
      const noent = objectProperty(followConst(call.getArguments()[1]), 'noent');
      if (noent?.getText() !== 'true') continue;
      const hit = call.getArguments()[0] ? ctx.taint.trace(call.getArguments()[0] as never) : undefined;
      yield { node: noent, message: `XML parsed with noent: true${hit ? ` (input: ${hit.source})` : ''}: external entities are resolved` };
    }
  },
};
