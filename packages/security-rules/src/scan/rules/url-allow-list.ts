import { Node, SyntaxKind } from 'ts-morph';
import { enclosingFunction, resolveDeclaration, stringValue } from '../symbols/declarations.js';
import type { SinkHit } from './taint-sink.js';

const strip = (n: Node): Node => (Node.isParenthesizedExpression(n) || Node.isAwaitExpression(n) || Node.isAsExpression(n) ? strip(n.getExpression()) : n);
/** The parts of a parsed URL that say where it points. */
const WHERE = /^(?:host|hostname|origin|href)$/;
/** `origin/` — a scheme, a host and the slash that ends the host: nothing can be appended to the host. */
const ORIGIN_PREFIX = /^[a-z][\w+.-]*:\/\/[^/?#\\]+\//i;
const HELPER = /^(?:is|check|ensure|assert|validate)\w*(?:Safe|Allowed|Relative|SameOrigin|SameSite|Local|Trusted|Internal|Whitelisted|AllowListed)\w*$/i;

/** `new URL(x, base)`, `url.parse(x)`, `URL.parse(x)`: a parser that normalises the URL. */
function isParsedUrl(init: Node | undefined): boolean {
  const e = init && strip(init);
  if (e === undefined) return false;
  if (Node.isNewExpression(e)) return e.getExpression().getText() === 'URL';
  return Node.isCallExpression(e) && /(?:^|\.)(?:parse|URL\.parse)$/.test(e.getExpression().getText()) && /url|URL/.test(e.getExpression().getText());
}

/** The variable a name is declared with, when it holds a parsed URL. */
function parsedVariable(text: string, fn: Node): boolean {
  return fn.getDescendantsOfKind(SyntaxKind.VariableDeclaration).some((d) => d.getName() === text && isParsedUrl(d.getInitializer()));
}

/**
 * The texts that denote the sink's URL in its function: the argument itself, the variable it is a property of
 * (`u` for `u.href`), and variables that parse it (`const u = new URL(next)` when the sink gets `next`).
 */
function subjects(arg: Node, fn: Node): Set<string> {
  const out = new Set<string>([arg.getText()]);
  const a = strip(arg);
  if (Node.isPropertyAccessExpression(a) && WHERE.test(a.getName())) out.add(a.getExpression().getText());
  if (Node.isIdentifier(a)) {
    const decl = resolveDeclaration(a);
    const init = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
    if (init && isParsedUrl(init)) {
      const inner = (strip(init) as Node & { getArguments(): Node[] }).getArguments()[0];
      if (inner) out.add(inner.getText());
    }
  }
  for (const d of fn.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
    const init = d.getInitializer();
    if (init && isParsedUrl(init) && (strip(init) as Node & { getArguments(): Node[] }).getArguments().some((x) => out.has(x.getText()))) out.add(d.getName());
  }
  return out;
}

/** `s`, or `s.host`/`s.hostname`/`s.origin`/`s.href` of a parsed `s`: what a fixed set or value may be compared with. */
function denotes(n: Node, subs: Set<string>): boolean {
  const e = strip(n);
  if (subs.has(e.getText())) return true;
  return Node.isPropertyAccessExpression(e) && WHERE.test(e.getName()) && subs.has(e.getExpression().getText());
}

const mentions = (n: Node, subs: Set<string>): boolean => [...subs].some((s) => n.getText().includes(s));

/** One check that constrains where the URL points, or false for checks that do not (`includes`, `indexOf`, `endsWith`, a bare-host `startsWith`). */
function constrains(node: Node, subs: Set<string>, fn: Node): boolean {
  if (Node.isBinaryExpression(node)) {
    const op = node.getOperatorToken().getText();
    if (!['===', '!==', '==', '!='].includes(op)) return false;
    const [l, r] = [node.getLeft(), node.getRight()];
    return (denotes(l, subs) && !mentions(r, subs)) || (denotes(r, subs) && !mentions(l, subs));
  }
  if (!Node.isCallExpression(node)) return false;
  const callee = node.getExpression();
  const args = node.getArguments();
  if (Node.isIdentifier(callee)) return HELPER.test(callee.getText()) && args.some((a) => denotes(a, subs));
  if (!Node.isPropertyAccessExpression(callee)) return false;
  const name = callee.getName();
  const recv = callee.getExpression();
  // ALLOWED.includes(x), hosts.has(u.hostname): membership in a fixed collection.
  if ((name === 'includes' || name === 'has') && args[0] && denotes(args[0], subs) && !mentions(recv, subs)) return true;
  if (name === 'test' && args[0] && denotes(args[0], subs)) {
    const re = strip(recv);
    if (!Node.isRegularExpressionLiteral(re)) return false;
    const src = re.getLiteralText().replace(/\/[a-z]*$/, '').slice(1);
    return (src.startsWith('^') && src.endsWith('$') && !src.includes('|')) || /^\^(?:\\\/|\/)(?:\(\?!|\[\^)/.test(src);
  }
  if (name === 'startsWith' && args[0] && denotes(recv, subs)) {
    const prefix = stringValue(args[0]);
    if (prefix !== undefined && ORIGIN_PREFIX.test(prefix)) return true;
    // Same-site paths: startsWith('/') together with a rejection of '//' (protocol-relative) in the same function.
    if (prefix === '/') return fn.getDescendantsOfKind(SyntaxKind.CallExpression).some((c) => /\.startsWith$/.test(c.getExpression().getText()) && ['//', '/\\', '\\\\'].includes(stringValue(c.getArguments()[0]) ?? ''));
    // A configured prefix on a normalised URL (`new URL(x).href.startsWith(BASE)`).
    const base = strip(recv);
    const parsed = Node.isPropertyAccessExpression(base) ? parsedVariable(base.getExpression().getText(), fn) : parsedVariable(base.getText(), fn);
    return prefix === undefined && parsed;
  }
  return false;
}

/**
 * True when, before the sink and in its function, the URL is checked against an allow-list that really
 * constrains where it points: membership of the URL (or its host/origin) in a fixed collection, equality of its
 * origin/host, an anchored regex, `startsWith` with a full `scheme://host/` prefix or on a URL normalised by
 * `new URL()`, `startsWith('/')` with `//` rejected, or an `isAllowed…(url)`-style helper. `url.includes(allowed)`,
 * `indexOf`, `endsWith` and `startsWith('https://example.com')` (which `https://example.com.evil.io` passes) are not.
 */
export function checkedAgainstAllowList(hit: SinkHit): boolean {
  const fn = enclosingFunction(hit.call);
  if (fn === undefined || hit.arg === undefined) return false;
  const subs = subjects(hit.arg, fn);
  const before = (n: Node): boolean => n.getStart() < hit.call.getStart();
  for (const n of [...fn.getDescendantsOfKind(SyntaxKind.CallExpression), ...fn.getDescendantsOfKind(SyntaxKind.BinaryExpression)]) {
    if (before(n) && constrains(n, subs, fn)) return true;
  }
  return false;
}
