import { Node, SyntaxKind, ts } from 'ts-morph';
import type { NodeIndex } from '../project/node-index.js';
import { refOf, type ModuleRef } from '../symbols/module-ref.js';
import { resolveDeclaration } from '../symbols/declarations.js';
import type { Container, Framework } from './types.js';

/** Which framework object a creation expression makes: `express()`, `express.Router()`, `Fastify()`, `new Koa()`, `new Router()`. */
export function creationKind(ref: ModuleRef | undefined): { framework: Framework; kind: 'app' | 'router' } | undefined {
  if (ref === undefined) return undefined;
  const p = ref.path.filter((s) => s !== 'default').join('.');
  if (ref.module === 'express') {
    if (p === '()') return { framework: 'express', kind: 'app' };
    if (p === 'Router.()' || p === 'Router.new') return { framework: 'express', kind: 'router' };
  }
  if (ref.module === 'fastify' && (p === '()' || p === 'fastify.()' || p === 'Fastify.()')) return { framework: 'fastify', kind: 'app' };
  if (ref.module === 'koa' && (p === 'new' || p === 'Koa.new')) return { framework: 'koa', kind: 'app' };
  if ((ref.module === '@koa/router' || ref.module === 'koa-router') && ref.path.at(-1) === 'new') return { framework: 'koa', kind: 'router' };
  return undefined;
}

const IMPLICIT_TYPES: [RegExp, Framework, Container['kind']][] = [
  [/\bFastifyInstance\b/, 'fastify', 'plugin'],
  [/\b(?:Express|Application)\b/, 'express', 'app'],
  [/\bRouter\b/, 'express', 'router'],
];

/** The registry of containers, keyed by their declaration node (variables and parameters alias into it). */
export class ContainerRegistry {
  readonly byNode = new Map<Node, Container>();
  readonly all: Container[] = [];
  readonly names = new Set<string>();

  add(c: Container, name: string): Container {
    this.byNode.set(c.node, c);
    this.all.push(c);
    this.names.add(name);
    return c;
  }

  alias(node: Node, c: Container, name: string): void {
    if (!this.byNode.has(node)) this.byNode.set(node, c);
    this.names.add(name);
  }

  private readonly decls = new Map<Node, Node | null>();

  /** The container an expression denotes (`app`, `router`, `fastify` parameter), if any. */
  lookup(expr: Node): Container | undefined {
    if (!Node.isIdentifier(expr)) return undefined;
    // Declarations never change; containers may be added while linking, so only the symbol lookup is cached.
    let decl = this.decls.get(expr);
    if (decl === undefined) {
      decl = resolveDeclaration(expr) ?? null;
      this.decls.set(expr, decl);
    }
    if (decl === null) return undefined;
    const found = this.byNode.get(decl);
    if (found) return found;
    if (Node.isParameterDeclaration(decl)) return this.implicit(decl, expr.getText());
    return undefined;
  }

  /** A typed parameter (`app: FastifyInstance`, `router: Router`) makes a container even when its caller is not scanned. */
  private implicit(param: Node & { getTypeNode?: () => Node | undefined }, name: string): Container | undefined {
    const typeText = Node.isParameterDeclaration(param) ? (param.getTypeNode()?.getText() ?? '') : '';
    for (const [re, framework, kind] of IMPLICIT_TYPES) {
      if (re.test(typeText)) return this.add({ framework, kind, node: param, prefix: '', parent: undefined, middleware: [] }, name);
    }
    return undefined;
  }
}

/**
 * Member names a creation call's callee can end with (see {@link creationKind}): `express.Router()`,
 * `fastify.fastify()`, `x.default()`, `util.promisify(...)`. A call such as `rows.map(...)` cannot create an
 * app, so it is not resolved at all.
 */
const CREATION_MEMBERS = new Set(['Router', 'fastify', 'Fastify', 'default', 'promisify']);

const mayCreate = (init: ts.CallExpression | ts.NewExpression): boolean => {
  if (ts.isNewExpression(init)) return true;
  const e = init.expression;
  if (ts.isPropertyAccessExpression(e)) return CREATION_MEMBERS.has(e.name.text);
  if (ts.isElementAccessExpression(e)) return ts.isStringLiteral(e.argumentExpression) && CREATION_MEMBERS.has(e.argumentExpression.text);
  return true;
};

/** Finds every app/router creation bound to a variable in the files. */
export function findCreations(nodes: NodeIndex, reg: ContainerRegistry): void {
  const created = (n: ts.Node): boolean => {
    const init = (n as ts.VariableDeclaration).initializer;
    return init !== undefined && (ts.isCallExpression(init) || ts.isNewExpression(init)) && mayCreate(init);
  };
  const framework = /['"`](?:express|fastify|koa|@koa\/router|koa-router)['"`/]/;
  for (const sf of nodes.files) {
    if (!framework.test(sf.getFullText())) continue;
    for (const vd of nodes.ofKind(SyntaxKind.VariableDeclaration, created, sf)) {
      const init = vd.getInitializer();
      if (init === undefined || !(Node.isCallExpression(init) || Node.isNewExpression(init))) continue;
      const kind = creationKind(refOf(init));
      if (kind === undefined) continue;
      let prefix = '';
      if (kind.framework === 'koa' && kind.kind === 'router') {
        const opts = init.getArguments()[0];
        const p = opts && Node.isObjectLiteralExpression(opts) ? opts.getProperty('prefix') : undefined;
        if (p && Node.isPropertyAssignment(p)) prefix = p.getInitializer()?.getText().replace(/^['"`]|['"`]$/g, '') ?? '';
      }
      reg.add({ ...kind, node: vd, prefix, parent: undefined, middleware: [] }, vd.getName());
    }
  }
}
