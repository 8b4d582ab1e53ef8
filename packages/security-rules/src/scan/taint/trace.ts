import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { ScanConfig } from '../config/scan-config.js';
import type { RouteModel } from '../routes/types.js';
import { enclosingFunction, resolveDeclaration, resolveFunction, returnExpressions, type FunctionLike } from '../symbols/declarations.js';
import { isPropagatorCall, isSanitizerCall, type SinkKind } from './sanitizers.js';
import { SourceModel } from './sources.js';
import { isGuarded } from './guards.js';
import { isFormatConstrained, isTypeNarrowed } from './type-narrowing.js';
import { isValidated } from './validated.js';
import { isResolverArgs } from '../graphql/resolvers.js';
import { callbackArguments, memberValues } from './members.js';

/** One step of a taint path. */
export interface TaintStep {
  readonly node: Node;
  readonly message: string;
}

/** A path from a request source to the expression that was asked about (source first). */
export interface TaintHit {
  readonly source: string;
  readonly steps: readonly TaintStep[];
}

interface State {
  readonly kind: SinkKind;
  readonly visited: Set<Node>;
  readonly env: ReadonlyMap<Node, Node>;
  depth: number;
}

const CALLBACK_METHODS = new Set(['map', 'forEach', 'filter', 'find', 'some', 'every', 'reduce', 'flatMap', 'then']);
const add = (hit: TaintHit | undefined, node: Node, message: string): TaintHit | undefined =>
  hit === undefined ? undefined : { source: hit.source, steps: [...hit.steps, { node, message }] };

/**
 * Backward, demand-driven taint tracking: from a sink argument to request sources, through variables,
 * destructuring, string building, helper functions (their returns and their call sites, across files),
 * stopping at sanitizers and at values whose type cannot carry a string attack.
 */
/**
 * A value whose type cannot carry an injection. An object key (`key`) stays traced when it is a number (ids are
 * enumerable), and stops only at an unguessable format (`format: uuid`).
 */
const narrowed = (node: Node, st: State): boolean => (st.kind === 'key' ? isFormatConstrained(node) : isTypeNarrowed(node));

export class TaintTracker {
  readonly sources: SourceModel;
  private readonly callers = new Map<Node, CallExpression[]>();

  constructor(private readonly routes: RouteModel, private readonly config: ScanConfig) {
    this.sources = new SourceModel(routes);
  }

  /** The source → expr path when request data reaches `expr`, else undefined. */
  trace(expr: Node, kind: SinkKind = 'any'): TaintHit | undefined {
    return this.visit(expr, { kind, visited: new Set(), env: new Map(), depth: 0 });
  }

  private visit(node: Node, st: State): TaintHit | undefined {
    if (st.depth > 60 || st.visited.has(node)) return undefined;
    st.visited.add(node);
    st.depth++;
    try {
      return this.step(node, st);
    } finally {
      st.depth--;
    }
  }

  private step(node: Node, st: State): TaintHit | undefined {
    const src = this.sources.sourceOf(node);
    if (src !== undefined) {
      if (st.kind === 'key' ? narrowed(node, st) : isTypeNarrowed(node) || isValidated(node, this.routes, this.config) || isGuarded(node)) return undefined;
      return { source: src, steps: [{ node, message: `request data ${src}` }] };
    }
    if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isNonNullExpression(node) || Node.isAwaitExpression(node) || Node.isTypeAssertion(node) || Node.isSatisfiesExpression(node) || Node.isSpreadElement(node) || Node.isSpreadAssignment(node)) {
      return this.visit(node.getExpression(), st);
    }
    if (Node.isTemplateExpression(node)) return this.first(node.getTemplateSpans().map((s) => s.getExpression()), st, node, 'interpolated into a string');
    if (Node.isBinaryExpression(node)) {
      const op = node.getOperatorToken().getKind();
      if (op === SyntaxKind.PlusToken || op === SyntaxKind.PlusEqualsToken) {
        if (narrowed(node, st)) return undefined;
        return this.first([node.getLeft(), node.getRight()], st, node, 'concatenated');
      }
      if (op === SyntaxKind.BarBarToken || op === SyntaxKind.QuestionQuestionToken) return this.first([node.getLeft(), node.getRight()], st);
      if (op === SyntaxKind.EqualsToken || op === SyntaxKind.CommaToken || op === SyntaxKind.AmpersandAmpersandToken) return this.visit(node.getRight(), st);
      return undefined;
    }
    if (Node.isConditionalExpression(node)) return this.first([node.getWhenTrue(), node.getWhenFalse()], st);
    if (Node.isPropertyAccessExpression(node) || Node.isElementAccessExpression(node)) {
      if (narrowed(node, st) || (st.kind !== 'key' && isGuarded(node))) return undefined;
      // this.cmd: what the object was given (constructor, setters, `this.cmd = …`).
      if (Node.isPropertyAccessExpression(node) && node.getExpression().getKind() === SyntaxKind.ThisKeyword) return this.first(memberValues(node), st, node, `stored in this.${node.getName()}`);
      return this.visit(node.getExpression(), st);
    }
    if (Node.isIdentifier(node)) return narrowed(node, st) || (st.kind !== 'key' && isGuarded(node)) ? undefined : this.identifier(node, st);
    if (Node.isCallExpression(node)) return narrowed(node, st) ? undefined : this.call(node, st);
    if (Node.isObjectLiteralExpression(node)) {
      const vals: Node[] = [];
      for (const p of node.getProperties()) {
        const v = Node.isPropertyAssignment(p) ? p.getInitializer() : Node.isShorthandPropertyAssignment(p) ? p.getNameNode() : Node.isSpreadAssignment(p) ? p : undefined;
        if (v) vals.push(v);
      }
      return this.first(vals, st);
    }
    if (Node.isArrayLiteralExpression(node)) return this.first(node.getElements(), st);
    return undefined;
  }

  private first(nodes: readonly Node[], st: State, at?: Node, message?: string): TaintHit | undefined {
    for (const n of nodes) {
      const hit = this.visit(n, st);
      if (hit) return at && message ? add(hit, at, message) : hit;
    }
    return undefined;
  }

  private identifier(id: Node, st: State): TaintHit | undefined {
    const decl = resolveDeclaration(id);
    // An undeclared name (sloppy-mode JS: `output = { … }` makes a global): its assignments in the same function.
    if (decl === undefined || (Node.isBinaryExpression(decl) && decl.getLeft().getText() === id.getText())) return add(this.assignments(id, id, st), id, `assigned to ${id.getText()}`);
    if (Node.isVariableDeclaration(decl) && Node.isIdentifier(decl.getNameNode())) {
      const init = decl.getInitializer();
      const reassignable = decl.getVariableStatement()?.getDeclarationKind() !== 'const';
      const hit = (init ? this.visit(init, st) : undefined) ?? (reassignable ? this.assignments(decl, id, st) : undefined);
      return add(hit, decl, `assigned to ${decl.getName()}`);
    }
    if (Node.isBindingElement(decl)) {
      const key = decl.getPropertyNameNode()?.getText() ?? decl.getName();
      const holder = decl.getParent().getParent();
      const init = Node.isVariableDeclaration(holder) ? holder.getInitializer() : holder;
      const src = init ? this.sources.destructuredSource(init, key) : undefined;
      if (src !== undefined) {
        if (narrowed(decl.getNameNode(), st)) return undefined;
        return { source: src, steps: [{ node: decl, message: `request data ${src} destructured` }] };
      }
      if (st.kind !== 'key' && (isTypeNarrowed(decl.getNameNode()) || (init && isFormatConstrained(init, key)))) return undefined;
      if (Node.isVariableDeclaration(holder) && init) return add(this.visit(init, st), decl, `destructured into ${decl.getName()}`);
      if (Node.isParameterDeclaration(holder)) return this.parameter(holder, st);
      return undefined;
    }
    if (Node.isParameterDeclaration(decl)) return this.parameter(decl, st);
    return undefined;
  }

  /** Later `x = ...` / `x += ...` in the same function. */
  private assignments(decl: Node, id: Node, st: State): TaintHit | undefined {
    const scope = enclosingFunction(decl) ?? decl.getSourceFile();
    const name = id.getText();
    for (const be of scope.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
      const op = be.getOperatorToken().getKind();
      if ((op === SyntaxKind.EqualsToken || op === SyntaxKind.PlusEqualsToken) && be.getLeft().getText() === name) {
        const hit = this.visit(be.getRight(), st);
        if (hit) return hit;
      }
    }
    return undefined;
  }

  private parameter(param: Node, st: State): TaintHit | undefined {
    if (!Node.isParameterDeclaration(param)) return undefined;
    if (this.sources.isRequestParam(param)) return undefined;
    // A GraphQL resolver's args: request data, as the client sent it in the operation.
    if (isResolverArgs(param)) return { source: 'args', steps: [{ node: param, message: 'request data: GraphQL resolver args' }] };
    const bound = st.env.get(param);
    if (bound) return this.visit(bound, st);
    const fn = param.getParent() as FunctionLike;
    const index = fn.getParameters().indexOf(param);
    const parent = fn.getParent();
    // items.map((x) => ...): x carries the receiver's taint.
    if (parent && Node.isCallExpression(parent)) {
      const callee = parent.getExpression();
      if (Node.isPropertyAccessExpression(callee) && CALLBACK_METHODS.has(callee.getName())) return this.visit(callee.getExpression(), st);
      // withBody(req, (cmd) => …): what withBody passes to its callback.
      for (const { arg, bindings } of callbackArguments(param, fn, parent)) {
        const hit = this.visit(arg, { ...st, env: new Map([...st.env, ...bindings]) });
        if (hit) return add(hit, param, `passed to the callback as ${param.getName()}`);
      }
      return undefined;
    }
    for (const call of this.callSites(fn)) {
      const arg = call.getArguments()[index];
      const hit = arg ? this.visit(arg, st) : undefined;
      if (hit) return add(hit, param, `passed to ${param.getName()}`);
    }
    return undefined;
  }

  private callSites(fn: FunctionLike): CallExpression[] {
    const cached = this.callers.get(fn);
    if (cached) return cached;
    const out: CallExpression[] = [];
    this.callers.set(fn, out);
    const holder = Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn) ? fn : fn.getParent();
    let nameNode: Node | undefined;
    if (holder && (Node.isFunctionDeclaration(holder) || Node.isVariableDeclaration(holder) || Node.isMethodDeclaration(holder) || Node.isPropertyAssignment(holder))) nameNode = holder.getNameNode();
    // this.method = function (...) {} in a constructor function (JS)
    else if (holder && Node.isBinaryExpression(holder) && Node.isPropertyAccessExpression(holder.getLeft())) nameNode = (holder.getLeft() as import('ts-morph').PropertyAccessExpression).getNameNode();
    if (nameNode === undefined || !Node.isIdentifier(nameNode)) return out;
    for (const ref of nameNode.findReferencesAsNodes().slice(0, 50)) {
      // f(x), and obj.method(x) on an instance (`new Dao(db).find(x)`, `this.dao.find(x)`).
      const callee = ref.getParent() && Node.isPropertyAccessExpression(ref.getParent()) && (ref.getParent() as import('ts-morph').PropertyAccessExpression).getNameNode() === ref ? ref.getParentOrThrow() : ref;
      const p = callee.getParent();
      if (p && Node.isCallExpression(p) && p.getExpression() === callee) out.push(p);
    }
    return out;
  }

  private call(call: CallExpression, st: State): TaintHit | undefined {
    if (isSanitizerCall(call, st.kind, this.config)) return undefined;
    const callee = call.getExpression();
    if (isPropagatorCall(call, st.kind)) return this.first(call.getArguments(), st, call, `through ${callee.getText()}()`);
    const fn = resolveFunction(callee);
    if (fn && !fn.getSourceFile().isDeclarationFile() && !fn.getSourceFile().isInNodeModules()) {
      const env = new Map(st.env);
      fn.getParameters().forEach((p, i) => {
        const a = call.getArguments()[i];
        if (a) env.set(p, a);
      });
      const inner: State = { ...st, env };
      for (const ret of returnExpressions(fn)) {
        const hit = this.visit(ret, inner);
        if (hit) return add(hit, call, `returned by ${callee.getText()}()`);
      }
      return undefined;
    }
    // 'x'.trim(), s.toLowerCase(), parts.join(','): a method of a tainted value stays tainted.
    if (Node.isPropertyAccessExpression(callee)) return add(this.visit(callee.getExpression(), st), call, `.${callee.getName()}()`);
    return undefined;
  }
}

