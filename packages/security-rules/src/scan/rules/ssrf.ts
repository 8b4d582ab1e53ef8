import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import { taintRule, type SinkHit } from './taint-sink.js';
import { checkedAgainstAllowList } from './url-allow-list.js';

const CLIENTS: [string, readonly string[]][] = [
  ['axios', ['get', 'post', 'put', 'delete', 'patch', 'head', 'request', '()']], ['got', ['get', 'post', '()']], ['needle', ['get', 'post', 'request', '()']],
  ['node-fetch', ['()']], ['undici', ['request', 'fetch']], ['http', ['get', 'request']], ['https', ['get', 'request']], ['superagent', ['get', 'post']],
  ['request', ['get', 'post', '()']],
];

/** `'https://api.example.com/' + x`: the host is fixed, only the path is attacker-controlled. */
function fixedHost(arg: Node | undefined): boolean {
  let n = arg;
  while (n && Node.isBinaryExpression(n) && n.getOperatorToken().getText() === '+') n = n.getLeft();
  const head = n && Node.isTemplateExpression(n) ? n.getHead().getLiteralText() : n && (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n)) ? n.getLiteralValue() : undefined;
  return head !== undefined && /^[a-z]+:\/\/[^/]+\//i.test(head);
}

function* sinks(ctx: RuleContext): Iterable<SinkHit> {
  for (const [mod, names] of CLIENTS) {
    for (const { call, ref } of ctx.calls.callsTo([mod], names)) {
      const arg = call.getArguments()[0];
      if (fixedHost(arg)) continue;
      yield { call, arg, sink: `${mod}${ref.path.length > 0 && ref.path.at(-1) !== '()' ? `.${ref.path.at(-1)}` : ''}() URL` };
    }
  }
  for (const call of ctx.calls.callsNamed(new Set(['fetch']))) {
    if (!Node.isIdentifier(call.getExpression()) || fixedHost(call.getArguments()[0])) continue;
    yield { call, arg: call.getArguments()[0], sink: 'fetch() URL' };
  }
}

/** Request data choosing the URL (host) of a server-side HTTP request. */
export const ssrf = taintRule({
  meta: {
    id: 'ssrf',
    title: 'Server-side request forgery',
    description: 'Request data chooses the URL of an outgoing request (axios, got, needle, fetch, http.get), so a client can make the server call internal services or cloud metadata (http://169.254.169.254/).',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [918],
    owasp: 'A10:2021-Server-Side Request Forgery',
  },
  kind: 'redirect',
  sinks,
  guarded: checkedAgainstAllowList,
  auditDynamic: false,
});
