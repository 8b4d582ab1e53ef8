import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { followConst, objectProperty, resolveFunction } from '../symbols/declarations.js';
import { refOf } from '../symbols/module-ref.js';

const CALLED_LIMITERS = ['express-rate-limit', 'express-slow-down', 'koa-ratelimit', 'koa2-ratelimit'];
const REGISTERED_LIMITERS = ['@fastify/rate-limit', 'fastify-rate-limit'];
/** Option names that choose the bucket a request is counted in. */
const KEY_OPTIONS = ['keyGenerator', 'id', 'key'];
/** Headers any client can set: a proxy only appends to them, it does not replace them. */
const CLIENT_HEADER = /x-forwarded-for|x-real-ip|['"]forwarded['"]|\.forwarded\b|cf-connecting-ip|true-client-ip|x-client-ip|x-cluster-client-ip|fastly-client-ip|x-originating-ip|user-agent/i;
/** The entry the last trusted proxy appended, not the one the client wrote. */
const LAST_ENTRY = /\.pop\(\)|\.at\(\s*-1\s*\)|length\s*-\s*1\s*\]/;

/** Where the app says it sits behind a proxy: `app.set('trust proxy', …)`, Fastify `trustProxy`, Koa `app.proxy = true`; `all` when it trusts every hop (Koa without `maxIpsCount`). */
function trustProxy(ctx: RuleContext): { node: Node; all: boolean }[] {
  const out: { node: Node; all: boolean }[] = [];
  for (const call of ctx.calls.callsNamed(new Set(['set', 'enable']))) {
    const [name, value] = call.getArguments();
    if (name === undefined || !/^['"]trust proxy['"]$/.test(name.getText())) continue;
    out.push({ node: call, all: call.getExpression().getText().endsWith('enable') || value?.getText() === 'true' });
  }
  const trustOpt = (n: ts.Node): boolean => (n as ts.PropertyAssignment).name.getText() === 'trustProxy';
  for (const p of ctx.nodes.ofKind(SyntaxKind.PropertyAssignment, trustOpt)) out.push({ node: p, all: p.getInitializer()?.getText() === 'true' });
  const koaProxy = (n: ts.Node): boolean => (n as ts.BinaryExpression).operatorToken.kind === SyntaxKind.EqualsToken && /\.proxy$/.test((n as ts.BinaryExpression).left.getText());
  for (const b of ctx.nodes.ofKind(SyntaxKind.BinaryExpression, koaProxy)) out.push({ node: b, all: b.getRight().getText() === 'true' && !b.getSourceFile().getFullText().includes('maxIpsCount') });
  return out;
}

/** Every rate limiter's options object, with the limiter module. */
function limiters(ctx: RuleContext): { at: Node; opts: Node | undefined; module: string }[] {
  const out = ctx.calls.callsTo(CALLED_LIMITERS).filter(({ call }) => Node.isCallExpression(call)).map(({ call, ref }) => ({ at: call as Node, opts: followConst(call.getArguments()[0]), module: ref.module }));
  for (const call of ctx.calls.callsNamed(new Set(['register']))) {
    const [plugin, opts] = call.getArguments();
    const mod = plugin ? refOf(plugin)?.module : undefined;
    if (mod && REGISTERED_LIMITERS.includes(mod)) out.push({ at: call, opts: followConst(opts), module: mod });
  }
  return out;
}

/** Rate limiters whose key is a header the client controls, or that count `req.ip` while the app trusts every proxy hop. */
export const rateLimitBypass: Rule = {
  meta: {
    id: 'rate-limit-bypass',
    title: 'Rate limiter keyed on a client-controlled header',
    description: 'A rate limiter (express-rate-limit, @fastify/rate-limit, koa-ratelimit, rate-limiter-flexible) counts requests per X-Forwarded-For, X-Real-IP or another header the client writes, without a trusted proxy that sets it, or counts per req.ip while `trust proxy` is `true` (req.ip is then the client-written leftmost X-Forwarded-For entry): a brute-force script sends a new value with every request and is never limited.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [348, 307],
    owasp: 'A07:2021-Identification and Authentication Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const all = limiters(ctx);
    const flexible = ctx.files.some((f) => f.getFullText().includes('rate-limiter-flexible')) ? ctx.calls.callsNamed(new Set(['consume', 'penalty'])) : [];
    if (all.length === 0 && flexible.length === 0) return;
    const proxies = trustProxy(ctx);
    const behindProxy = proxies.some((p) => !p.all);
    for (const { opts, module } of all) {
      for (const name of KEY_OPTIONS) {
        const option = objectProperty(opts, name);
        if (option === undefined) continue;
        const text = (resolveFunction(option) ?? option).getText();
        const header = CLIENT_HEADER.exec(text)?.[0];
        if (header === undefined || (behindProxy && LAST_ENTRY.test(text))) continue;
        yield { node: option, message: `${module} counts requests per ${header.replace(/^['"]|['"]$/g, '')}, a header the client writes: every request with a new value gets a fresh budget; key on req.ip with 'trust proxy' set to your proxy hops` };
      }
    }
    for (const call of flexible) {
      const key = call.getArguments()[0];
      const text = key ? (Node.isIdentifier(key) ? (followConst(key) ?? key).getText() : key.getText()) : '';
      const header = CLIENT_HEADER.exec(text)?.[0];
      if (header === undefined || (behindProxy && LAST_ENTRY.test(text))) continue;
      yield { node: call, message: `rate-limiter-flexible ${call.getExpression().getText()}() keys on ${header.replace(/^['"]|['"]$/g, '')}, a header the client writes: every request with a new value gets a fresh budget` };
    }
    for (const p of proxies.filter((x) => x.all)) {
      yield { node: p.node, message: `every proxy hop is trusted (${p.node.getText().slice(0, 40)}), so the client IP the rate limiter counts is the leftmost X-Forwarded-For entry, which the client writes; trust only your proxies (a hop count or their addresses)` };
    }
  },
};
