import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Node, SyntaxKind, ts, type SourceFile } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { routeLabel } from '../routes/types.js';
import { enclosingFunction } from '../symbols/declarations.js';
import { refOf } from '../symbols/module-ref.js';

/** Session stores that keep the data on the server and hand the client an id: the id is what can be fixed. */
const SERVER_SESSIONS = ['express-session', '@fastify/session', 'fastify-session', 'koa-generic-session', 'koa-session'];
/** Session keys that say who the caller is. */
const IDENTITY = /^(?:user|users?_?id|uid|account|account_?id|auth|authenticated|is_?authenticated|logged_?in|is_?logged_?in|login|username|user_?name|email|principal|passport)$/i;
/** A new session id is issued: express-session / @fastify/session `session.regenerate()`, koa-generic-session `ctx.regenerateSession()`. */
const REGENERATE = /^(?:regenerate|regenerateSession)$/;

/** Whether code calls a regenerate method: a call, not the word in a comment or a string ("call req.session.regenerate()"). */
function regenerates(node: Node): boolean {
  return [node, ...node.getDescendantsOfKind(SyntaxKind.CallExpression)].some((c) => {
    if (!Node.isCallExpression(c)) return false;
    const callee = c.getExpression();
    return Node.isPropertyAccessExpression(callee) && REGENERATE.test(callee.getName());
  });
}

/** True when the project sets up a server-side session store (by import and call, or Fastify `register`). */
function usesServerSessions(ctx: RuleContext): boolean {
  if (ctx.calls.callsTo(SERVER_SESSIONS).length > 0) return true;
  return ctx.calls.callsNamed(new Set(['register'])).some((c) => {
    const plugin = c.getArguments()[0];
    return plugin !== undefined && SERVER_SESSIONS.includes(refOf(plugin)?.module ?? '');
  });
}

/** `req.session.userId = …`, `ctx.session.user = …`, `request.session.set('user', …)`: the identity written, or undefined. */
function identityWrite(node: Node, ctx: RuleContext): string | undefined {
  const sessionOf = (e: Node): boolean => Node.isPropertyAccessExpression(e) && e.getName() === 'session' && ctx.taint.sources.requestObject(e.getExpression()) !== undefined;
  if (Node.isBinaryExpression(node)) {
    const left = node.getLeft();
    if (Node.isPropertyAccessExpression(left) && IDENTITY.test(left.getName()) && sessionOf(left.getExpression())) return left.getText();
    return undefined;
  }
  if (Node.isCallExpression(node)) {
    const callee = node.getExpression();
    const key = node.getArguments()[0];
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'set' && sessionOf(callee.getExpression()) && key && Node.isStringLiteral(key) && IDENTITY.test(key.getLiteralValue())) return `${callee.getText()}('${key.getLiteralValue()}')`;
  }
  return undefined;
}

/** The outermost function around a node: the handler, even when the write sits in a callback inside it. */
function outermostFunction(node: Node): Node | undefined {
  let fn = enclosingFunction(node);
  for (let next = fn && enclosingFunction(fn); next; next = enclosingFunction(next)) fn = next;
  return fn;
}

/** The passport version range the nearest package.json above a file declares, if any. */
function passportRange(sf: SourceFile): string | undefined {
  for (let dir = dirname(sf.getFilePath()), i = 0; i < 12; dir = dirname(dir), i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string> };
        return pkg.dependencies?.passport;
      } catch {
        return undefined;
      }
    }
    if (dirname(dir) === dir) break;
  }
  return undefined;
}

/** passport before 0.6 logs in (`req.login`, `passport.authenticate` on a POST route) without a new session id. */
const OLD_PASSPORT = /^[\^~>=\s]*0\.[0-5](?:\.|$)/;

/** A login that puts the user into a server-side session without issuing a new session id first. */
export const sessionFixation: Rule = {
  meta: {
    id: 'session-fixation',
    title: 'Login without session regeneration',
    description: 'A handler stores the authenticated user in a server-side session (express-session, @fastify/session, koa-session) without regenerating the session id first, so an id planted in the victim\'s browser before login (a link, a sibling subdomain, a shared computer) becomes a logged-in session the attacker also holds.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [384],
    owasp: 'A07:2021-Identification and Authentication Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    if (!usesServerSessions(ctx)) return;
    const assign = (n: ts.Node): boolean => (n as ts.BinaryExpression).operatorToken.kind === SyntaxKind.EqualsToken && /\.session\.\w+$/.test((n as ts.BinaryExpression).left.getText());
    const setCall = (n: ts.Node): boolean => /\.session\.set$/.test((n as ts.CallExpression).expression.getText());
    const candidates: Node[] = [...ctx.nodes.ofKind(SyntaxKind.BinaryExpression, assign), ...ctx.nodes.ofKind(SyntaxKind.CallExpression, setCall)];
    for (const node of candidates) {
      const written = identityWrite(node, ctx);
      if (written === undefined) continue;
      const route = ctx.routeOf(node);
      const scope = route?.handler ?? outermostFunction(node);
      if (scope === undefined || regenerates(scope)) continue;
      if (route?.chain.some((m) => regenerates(m.node))) continue;
      yield {
        node,
        message: `${written} is set${route ? ` in ${routeLabel(route)}` : ''} without regenerating the session id: an id fixed before login stays valid after it`,
        ...(route ? { route: routeLabel(route) } : {}),
      };
    }
    // passport < 0.6 keeps the session id across req.login(): its POST routes that authenticate are logins.
    for (const route of ctx.routes.routes) {
      if (route.method !== 'POST') continue;
      // In the chain, or the last argument (`app.post('/login', passport.authenticate('local', {...}))`).
      const args = Node.isCallExpression(route.node) ? route.node.getArguments() : [];
      const login = [...route.chain.map((m) => m.node), ...args].find((n) => /^passport\.authenticate\(/.test(n.getText()));
      const range = login ? passportRange(login.getSourceFile()) : undefined;
      if (login === undefined || range === undefined || !OLD_PASSPORT.test(range) || (route.handler && regenerates(route.handler))) continue;
      yield { node: login, route: routeLabel(route), message: `${routeLabel(route)} logs in with passport ${range}, which keeps the session id across login (passport regenerates it from 0.6): an id fixed before login stays valid after it` };
    }
  },
};
