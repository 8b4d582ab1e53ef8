import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import { staticValue, UNKNOWN } from '../schema/static-value.js';
import { followVariable, resolveDeclaration, resolveFunction, unwrap, withBindings } from './resolve.js';

export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all']);

/** A route registration as written: `recv.get('/x', …handlers)`, `fastify.route({…})`, `router.route('/x').get(h)`. */
export interface RawRoute {
  readonly container: Node;
  readonly methods: readonly string[];
  /** The path as written in the framework's syntax (`/pets/:id`). */
  readonly path: string;
  /** Middleware and handler expressions, in order; the last is the main handler. */
  readonly handlers: readonly Node[];
  /** Fastify's route options object (`schema`, …), when given. */
  readonly options: Node | undefined;
  readonly call: CallExpression;
  /** Set when the registration sits in a loop over a constant route table: this row's bindings. */
  readonly bindings?: ReadonlyMap<Node, Node>;
}

/** `parent.use('/prefix', child)`, `fastify.register(plugin, { prefix })`, or `f(app)` passing a container on. */
export interface Mount {
  readonly parent: Node;
  readonly child: Node;
  readonly prefix: string;
}

export interface Registrations {
  readonly routes: RawRoute[];
  readonly mounts: Mount[];
  /** `new Router({ prefix })` and `router.prefix('/x')`. */
  readonly selfPrefixes: Map<Node, string>;
  /** Registrations whose path is not a static string: reported, not guessed. */
  readonly dynamic: CallExpression[];
}

/** Scans every call in the files for route registrations and mounts (frameworks are resolved later). */
export function scanRegistrations(files: readonly SourceFile[]): Registrations {
  const out: Registrations = { routes: [], mounts: [], selfPrefixes: new Map(), dynamic: [] };
  for (const sf of files) {
    for (const call of sf.getDescendantsOfKind(SyntaxKind.CallExpression)) visitCall(call, out);
    for (const nw of sf.getDescendantsOfKind(SyntaxKind.NewExpression)) {
      const opts = staticValue(nw.getArguments()[0]);
      const parent = nw.getParent();
      if (parent && Node.isVariableDeclaration(parent) && isRecord(opts) && typeof opts['prefix'] === 'string') {
        out.selfPrefixes.set(parent, opts['prefix']);
      }
    }
  }
  return out;
}

function visitCall(call: CallExpression, out: Registrations): void {
  const rows = loopRows(call);
  if (!rows) return visitOne(call, out, undefined);
  for (const bindings of rows) withBindings(bindings, () => visitOne(call, out, bindings));
}

function visitOne(call: CallExpression, out: Registrations, bindings: ReadonlyMap<Node, Node> | undefined): void {
  const callee = call.getExpression();
  const named = calleeName(callee);
  if (!named) {
    passOn(call, out);
    return;
  }
  const { name, recv } = named;
  const args = call.getArguments();
  const before = out.routes.length;
  if (HTTP_METHODS.has(name)) methodCall(call, recv, name, args, out);
  else if (name === 'register' && args.length >= 3 && Array.isArray(staticValue(args[1]))) koaRegister(call, recv, args, out);
  else if (name === 'route' && args.length === 1 && Node.isObjectLiteralExpression(unwrap(args[0]))) fastifyRoute(call, recv, out);
  else if (name === 'use') useCall(recv, args, out);
  else if (name === 'register') registerCall(recv, args, out);
  else if (name === 'prefix' && args.length === 1) {
    const c = containerOf(recv);
    const p = staticValue(args[0]);
    if (c && typeof p === 'string') out.selfPrefixes.set(c, p);
  } else passOn(call, out);
  if (bindings) for (let i = before; i < out.routes.length; i++) out.routes[i] = { ...out.routes[i]!, bindings };
}

/** `recv.name(…)` or `recv[expr](…)` with a static `expr`. */
function calleeName(callee: Node): { name: string; recv: Node } | undefined {
  if (Node.isPropertyAccessExpression(callee)) return { name: callee.getName(), recv: callee.getExpression() };
  if (Node.isElementAccessExpression(callee)) {
    const key = staticValue(callee.getArgumentExpression());
    if (typeof key === 'string') return { name: key.toLowerCase(), recv: callee.getExpression() };
  }
  return undefined;
}

/** Koa: `router.register('/x', ['GET'], middleware)`. */
function koaRegister(call: CallExpression, recv: Node, args: Node[], out: Registrations): void {
  const container = containerOf(recv);
  const path = staticValue(args[0]);
  const methods = (staticValue(args[1]) as unknown[]).filter((m): m is string => typeof m === 'string').map((m) => m.toLowerCase());
  if (!container) return;
  if (typeof path !== 'string' || methods.length === 0) return void out.dynamic.push(call);
  out.routes.push({ container, methods, path, handlers: args.slice(2), options: undefined, call });
}

/**
 * `for (const [method, path, spec] of ROUTES) router[method](path, …)` over a constant table: one binding
 * map per row (binding element → that row's expression), so each row is read as a registration of its own.
 */
function loopRows(call: CallExpression): Map<Node, Node>[] | undefined {
  const loop = call.getFirstAncestorByKind(SyntaxKind.ForOfStatement);
  const init = loop?.getInitializer();
  if (!loop || !init || !Node.isVariableDeclarationList(init)) return undefined;
  const pattern = init.getDeclarations()[0]?.getNameNode();
  if (!pattern || !(Node.isArrayBindingPattern(pattern) || Node.isObjectBindingPattern(pattern))) return undefined;
  const table = tableOf(loop.getExpression());
  if (!table) return undefined;
  const rows: Map<Node, Node>[] = [];
  for (const row of table) {
    const bindings = new Map<Node, Node>();
    const r = unwrap(row);
    if (Node.isArrayBindingPattern(pattern) && r && Node.isArrayLiteralExpression(r)) {
      pattern.getElements().forEach((el, i) => {
        const value = r.getElements()[i];
        if (Node.isBindingElement(el) && value) bindings.set(el, value);
      });
    } else if (Node.isObjectBindingPattern(pattern) && r && Node.isObjectLiteralExpression(r)) {
      for (const el of pattern.getElements()) {
        const prop = r.getProperty((el.getPropertyNameNode() ?? el.getNameNode()).getText());
        if (prop && Node.isPropertyAssignment(prop)) bindings.set(el, prop.getInitializerOrThrow());
      }
    }
    if (bindings.size > 0) rows.push(bindings);
  }
  return rows.length > 0 ? rows : undefined;
}

/** The rows of a constant array (literal, or a `const` holding one). */
function tableOf(expr: Node): Node[] | undefined {
  let e = unwrap(expr);
  if (e && Node.isIdentifier(e)) {
    const decl = resolveDeclaration(e);
    e = decl && Node.isVariableDeclaration(decl) ? unwrap(decl.getInitializer()) : undefined;
  }
  return e && Node.isArrayLiteralExpression(e) ? e.getElements() : undefined;
}

function methodCall(call: CallExpression, recv: Node, name: string, args: Node[], out: Registrations): void {
  // express: router.route('/x').get(h).post(h)
  let r = unwrap(recv);
  while (r && Node.isCallExpression(r)) {
    const c = r.getExpression();
    if (!Node.isPropertyAccessExpression(c)) break;
    if (c.getName() === 'route' && r.getArguments().length === 1) {
      const path = staticValue(r.getArguments()[0]);
      const container = containerOf(c.getExpression());
      if (!container) return;
      if (typeof path !== 'string') return void out.dynamic.push(call);
      out.routes.push({ container, methods: [name], path, handlers: args, options: undefined, call });
      return;
    }
    if (!HTTP_METHODS.has(c.getName())) break;
    r = unwrap(c.getExpression());
  }
  if (args.length < 2) return; // app.get('env') is a setting, not a route
  const container = containerOf(recv);
  if (!container) return;
  let rest = args.slice(1);
  let path = staticValue(args[0]);
  const second = staticValue(args[1]);
  if (typeof path === 'string' && typeof second === 'string' && args.length >= 3) {
    path = second; // koa: router.get('name', '/path', …)
    rest = args.slice(2);
  }
  if (typeof path !== 'string') {
    if (path === UNKNOWN && !Node.isRegularExpressionLiteral(args[0]!)) out.dynamic.push(call);
    return;
  }
  let options: Node | undefined;
  const first = unwrap(rest[0]);
  if (first && Node.isObjectLiteralExpression(first)) {
    options = first;
    rest = rest.slice(1);
    const handler = first.getProperty('handler');
    if (rest.length === 0 && handler) rest = [handler];
  }
  if (rest.length === 0) return;
  out.routes.push({ container, methods: [name], path, handlers: rest, options, call });
}

function fastifyRoute(call: CallExpression, recv: Node, out: Registrations): void {
  const obj = unwrap(call.getArguments()[0]);
  if (!obj || !Node.isObjectLiteralExpression(obj)) return;
  const container = containerOf(recv);
  if (!container) return;
  const prop = (k: string): Node | undefined => {
    const p = obj.getProperty(k);
    if (p && Node.isPropertyAssignment(p)) return p.getInitializer();
    if (p && Node.isShorthandPropertyAssignment(p)) return p.getNameNode();
    if (p && Node.isMethodDeclaration(p)) return p;
    return undefined;
  };
  const method = staticValue(prop('method'));
  const url = staticValue(prop('url') ?? prop('path'));
  const methods = (Array.isArray(method) ? method : [method]).filter((m): m is string => typeof m === 'string').map((m) => m.toLowerCase());
  if (methods.length === 0 || typeof url !== 'string') return void out.dynamic.push(call);
  const handler = prop('handler');
  out.routes.push({ container, methods, path: url, handlers: handler ? [handler] : [], options: obj, call });
}

function useCall(recv: Node, args: Node[], out: Registrations): void {
  const parent = containerOf(recv);
  if (!parent || args.length === 0) return;
  const first = staticValue(args[0]);
  const prefix = typeof first === 'string' ? first : '';
  for (const arg of typeof first === 'string' ? args.slice(1) : args) {
    let a = unwrap(arg);
    // koa: router.use('/x', child.routes()) / app.use(router.routes())
    if (a && Node.isCallExpression(a)) {
      const c = a.getExpression();
      if (Node.isPropertyAccessExpression(c) && (c.getName() === 'routes' || c.getName() === 'middleware')) a = c.getExpression();
    }
    const child = a ? containerOf(a) ?? returnedContainer(a) : undefined;
    if (child && child !== parent) out.mounts.push({ parent, child, prefix });
  }
}

function registerCall(recv: Node, args: Node[], out: Registrations): void {
  const parent = containerOf(recv);
  const plugin = resolveFunction(args[0]);
  const param = plugin?.getParameters()[0];
  if (!parent || !param) return;
  const opts = staticValue(args[1]);
  const prefix = isRecord(opts) && typeof opts['prefix'] === 'string' ? opts['prefix'] : '';
  out.mounts.push({ parent, child: param, prefix });
}

/** `registerRoutes(app)`: a container passed to a project function becomes that function's parameter. */
function passOn(call: CallExpression, out: Registrations): void {
  const args = call.getArguments();
  if (args.length === 0) return;
  const fn = resolveFunction(call.getExpression());
  if (!fn || !fn.getBody() || fn.getSourceFile().isInNodeModules()) return;
  args.forEach((arg, i) => {
    const a = unwrap(arg);
    if (!a || !(Node.isIdentifier(a) || Node.isPropertyAccessExpression(a))) return;
    const parent = containerOf(a);
    const param = fn.getParameters()[i];
    if (parent && param) out.mounts.push({ parent, child: param, prefix: '' });
  });
}

/** The declaration an app/router expression refers to (variable, parameter, class property). */
export function containerOf(expr: Node): Node | undefined {
  const e = unwrap(expr);
  if (!e || !(Node.isIdentifier(e) || Node.isPropertyAccessExpression(e))) return undefined;
  const decl = followVariable(resolveDeclaration(e));
  if (decl && (Node.isVariableDeclaration(decl) || Node.isParameterDeclaration(decl) || Node.isPropertyDeclaration(decl) || Node.isBindingElement(decl))) return decl;
  return undefined;
}

/** `app.use('/pets', petsRouter())`: the router a factory function returns. */
function returnedContainer(expr: Node): Node | undefined {
  if (!Node.isCallExpression(expr)) return undefined;
  const fn = resolveFunction(expr.getExpression());
  if (!fn) return undefined;
  const body = fn.getBody();
  if (body && !Node.isBlock(body)) return containerOf(body);
  for (const ret of fn.getDescendantsOfKind(SyntaxKind.ReturnStatement)) {
    const c = ret.getExpression() ? containerOf(ret.getExpression()!) : undefined;
    if (c) return c;
  }
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
