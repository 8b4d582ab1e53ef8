import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import { taintRule, type SinkHit } from './taint-sink.js';

const CONSOLE = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace']);
/** Encodings that turn CR/LF into something else: the logged line stays one line. */
const NEUTRALISED = /JSON\.stringify\(|encodeURI(?:Component)?\(|\.replace(?:All)?\(\s*\/[^/]*\\[rn]|inspect\(/;

/**
 * `console.*(…)` and `process.stdout/stderr.write(…)` write plain text lines, so a CR/LF in a logged request
 * value starts a forged entry. A whole request object (`req.body`) is printed by util.inspect, which escapes
 * line breaks, and structured loggers (pino, winston's JSON format) escape them too: neither is a sink.
 */
function* sinks(ctx: RuleContext): Iterable<SinkHit> {
  for (const call of ctx.calls.callsNamed(new Set([...CONSOLE, 'write']))) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const recv = callee.getExpression().getText();
    const plain = (recv === 'console' && CONSOLE.has(callee.getName())) || (/^process\.std(?:out|err)$/.test(recv) && callee.getName() === 'write');
    if (!plain) continue;
    const arg = call.getArguments().find((a) => !wholeRequestObject(a, ctx) && ctx.taint.trace(a) !== undefined);
    if (arg) yield { call, arg, sink: `${recv}.${callee.getName()}()` };
  }
}

/** Request parts that are objects (`req.body`), not strings (`req.url`). */
const OBJECT_PARTS = new Set(['body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'files', 'file']);
const wholeRequestObject = (a: Node, ctx: RuleContext): boolean =>
  Node.isPropertyAccessExpression(a) && OBJECT_PARTS.has(a.getName()) && ctx.taint.sources.sourceOf(a) !== undefined;

/** Request data written to a plain-text log without neutralising CR/LF (log forging, CWE-117). */
export const logInjection = taintRule({
  meta: {
    id: 'log-injection',
    title: 'Log injection (log forging)',
    description: 'A request value is written to a plain-text log (console.*, process.stdout.write) without removing or encoding CR/LF, so a client can forge log entries or break log parsing.',
    severity: 'low',
    confidence: 'taint-confirmed',
    cwe: [117],
    owasp: 'A09:2021-Security Logging and Monitoring Failures',
  },
  kind: 'any',
  sinks,
  guarded: (hit) => NEUTRALISED.test(hit.arg?.getText() ?? ''),
  auditDynamic: false,
});
