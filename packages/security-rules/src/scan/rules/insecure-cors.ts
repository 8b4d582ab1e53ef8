import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { followConst, objectProperty, stringValue } from '../symbols/declarations.js';

/** An origin option that allows every origin: `true`, `'*'`, a function that always says yes, or the request's Origin. */
function allowsAny(origin: Node | undefined, ctx: RuleContext): boolean {
  const o = followConst(origin);
  if (o === undefined) return false;
  if (o.getText() === 'true' || stringValue(o) === '*') return true;
  if (Node.isArrowFunction(o) || Node.isFunctionExpression(o)) {
    const text = o.getBody().getText();
    if (/\(\s*null\s*,\s*true\s*\)/.test(text) && !/\b(?:includes|indexOf|has|test|===|startsWith|endsWith)\b/.test(text)) return true;
    if (/get\(\s*['"]origin['"]\s*\)|headers\.origin|header\.origin/i.test(text) && !/\b(?:includes|indexOf|has|test|===)\b/.test(text)) return true;
  }
  return ctx.taint.trace(o) !== undefined;
}

/** CORS that lets any origin make credentialed requests: reflected or `*` origin with `credentials: true`. */
export const insecureCors: Rule = {
  meta: {
    id: 'insecure-cors',
    title: 'CORS allows any origin with credentials',
    description: "The CORS policy reflects any Origin (origin: true, a callback that always allows, the request's Origin header) or uses '*' together with credentials: true, so any website can make authenticated requests and read the responses.",
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [942, 346],
    owasp: 'A05:2021-Security Misconfiguration',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const { call } of ctx.calls.callsTo(['cors', '@koa/cors'])) {
      const opts = followConst(call.getArguments()[0]);
      if (objectProperty(opts, 'credentials')?.getText() !== 'true') continue;
      const origin = objectProperty(opts, 'origin');
      // @koa/cors reflects the request Origin when none is configured.
      if ((origin === undefined && call.getSourceFile().getFullText().includes('@koa/cors')) || allowsAny(origin, ctx)) {
        yield { node: origin ?? call, message: 'CORS allows any origin together with credentials: true' };
      }
    }
    for (const call of ctx.calls.callsNamed(new Set(['register']))) {
      const [plugin, raw] = call.getArguments();
      if (!plugin || !/cors/i.test(plugin.getText())) continue;
      const opts = followConst(raw);
      if (objectProperty(opts, 'credentials')?.getText() === 'true' && allowsAny(objectProperty(opts, 'origin'), ctx)) {
        yield { node: objectProperty(opts, 'origin') ?? call, message: '@fastify/cors allows any origin together with credentials: true' };
      }
    }
    // res.setHeader('Access-Control-Allow-Origin', req.headers.origin) with credentials.
    for (const call of ctx.calls.callsNamed(new Set(['setHeader', 'header', 'set']))) {
      const [name, value] = call.getArguments();
      if (stringValue(name)?.toLowerCase() !== 'access-control-allow-origin' || value === undefined) continue;
      const scope = call.getParentOrThrow().getParentOrThrow().getText();
      if (!/access-control-allow-credentials['"]\s*,\s*['"]?true/i.test(scope)) continue;
      if (stringValue(value) === '*' || ctx.taint.trace(value)) yield { node: value, message: 'Access-Control-Allow-Origin is reflected (or *) together with Allow-Credentials: true' };
    }
  },
};
