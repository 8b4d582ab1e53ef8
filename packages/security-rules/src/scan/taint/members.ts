import { Node, SyntaxKind, type CallExpression, type PropertyAccessExpression } from 'ts-morph';
import { enclosingFunction, resolveDeclaration, resolveFunction, type FunctionLike } from '../symbols/declarations.js';

const NEWS = new WeakMap<Node, Node[][]>();

/**
 * `new C(a, b)` for a class: the argument lists of the `new` expressions naming it in the project. Found by
 * text and name, not with the language service's find-references, which rebuilds the program and would give
 * later symbol lookups (other rules compare declarations by identity) nodes of a different program.
 */
function constructions(cls: Node): Node[][] {
  const cached = NEWS.get(cls);
  if (cached) return cached;
  const name = Node.isClassDeclaration(cls) || Node.isClassExpression(cls) ? cls.getName() : undefined;
  const out: Node[][] = [];
  NEWS.set(cls, out);
  if (name === undefined) return out;
  const pattern = new RegExp(`\\bnew\\s+${name.replace(/\$/g, "\\$")}(?![\\w$])`);
  for (const sf of cls.getProject().getSourceFiles()) {
    if (sf.isDeclarationFile() || !pattern.test(sf.getFullText())) continue;
    for (const ne of sf.getDescendantsOfKind(SyntaxKind.NewExpression)) {
      const e = ne.getExpression();
      if (Node.isIdentifier(e) && e.getText() === name && resolveDeclaration(e) === cls) out.push(ne.getArguments());
      if (out.length >= 50) return out;
    }
  }
  return out;
}

/** The object a `this` belongs to: its class, or the outermost plain function (a JS constructor function). */
function ownerOf(access: Node): Node | undefined {
  const cls = access.getFirstAncestor((a) => Node.isClassDeclaration(a) || Node.isClassExpression(a));
  if (cls) return cls;
  let scope: Node | undefined;
  for (let fn: FunctionLike | undefined = enclosingFunction(access); fn; fn = enclosingFunction(fn)) if (Node.isFunctionDeclaration(fn) || Node.isFunctionExpression(fn)) scope = fn;
  return scope;
}

const CACHE = new WeakMap<Node, Map<string, Node[]>>();

/**
 * The values an object member `this.<name>` can hold, as DAO and service classes store them: constructor
 * parameter properties (`constructor(private cmd: string)`, bound to the `new C(…)` arguments), property
 * initialisers, and `this.name = value` anywhere in the class — or, for a JS constructor function
 * (`function Dao(db) { this.db = db; … }`), in that function.
 */
export function memberValues(access: PropertyAccessExpression): Node[] {
  const owner = ownerOf(access);
  if (owner === undefined) return [];
  const name = access.getName();
  const byName = CACHE.get(owner) ?? new Map<string, Node[]>();
  CACHE.set(owner, byName);
  const hit = byName.get(name);
  if (hit) return hit;
  const out: Node[] = [];
  if (Node.isClassDeclaration(owner) || Node.isClassExpression(owner)) {
    for (const ctor of owner.getConstructors()) {
      ctor.getParameters().forEach((p, i) => {
        if (p.getName() !== name || !p.isParameterProperty()) return;
        for (const args of constructions(owner)) if (args[i]) out.push(args[i]!);
      });
    }
    const prop = owner.getProperty(name);
    const init = prop && Node.isPropertyDeclaration(prop) ? prop.getInitializer() : undefined;
    if (init) out.push(init);
  }
  for (const be of owner.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    const left = be.getLeft();
    if (be.getOperatorToken().getKind() === SyntaxKind.EqualsToken && Node.isPropertyAccessExpression(left) && left.getName() === name && left.getExpression().getKind() === SyntaxKind.ThisKeyword) out.push(be.getRight());
  }
  byName.set(name, out);
  return out;
}

/**
 * For a callback parameter (`withBody(req, (cmd) => exec(cmd))`): the arguments the called function passes to
 * the callback (`cb(req.body.cmd)` inside `withBody`), with the called function's parameters bound to the
 * outer call's arguments.
 */
export function callbackArguments(param: Node, fn: FunctionLike, outer: CallExpression): { arg: Node; bindings: Map<Node, Node> }[] {
  const callee = resolveFunction(outer.getExpression());
  if (callee === undefined || callee.getSourceFile().isDeclarationFile() || callee.getSourceFile().isInNodeModules()) return [];
  const slot = callee.getParameters()[outer.getArguments().indexOf(fn)];
  if (slot === undefined || !Node.isParameterDeclaration(slot)) return [];
  const index = fn.getParameters().indexOf(param);
  const bindings = new Map<Node, Node>();
  callee.getParameters().forEach((p, i) => {
    const a = outer.getArguments()[i];
    if (a) bindings.set(p, a);
  });
  const out: { arg: Node; bindings: Map<Node, Node> }[] = [];
  for (const call of callee.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const e = call.getExpression();
    if (!Node.isIdentifier(e) || e.getText() !== slot.getName() || resolveDeclaration(e) !== slot) continue;
    const arg = call.getArguments()[index];
    if (arg) out.push({ arg, bindings });
  }
  return out;
}
