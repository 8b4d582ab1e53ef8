import { Node, SyntaxKind } from 'ts-morph';

/** A function-like node: what a handler, middleware or helper resolves to. */
export type FunctionLike = Node & { getParameters(): Node[] };

/** The declaration an identifier names, following imports and `export default x` across files. */
export function resolveDeclaration(id: Node): Node | undefined {
  const parent = id.getParent();
  let sym = parent && Node.isShorthandPropertyAssignment(parent)
    ? id.getProject().getTypeChecker().getShorthandAssignmentValueSymbol(parent)
    : id.getSymbol();
  if (sym === undefined) return undefined;
  if (sym.isAlias()) sym = sym.getAliasedSymbol() ?? sym;
  const decl = sym.getDeclarations()[0];
  if (decl !== undefined && Node.isExportAssignment(decl)) {
    const e = decl.getExpression();
    return Node.isIdentifier(e) ? resolveDeclaration(e) : e;
  }
  return decl;
}

const isFn = (n: Node): n is FunctionLike =>
  Node.isArrowFunction(n) || Node.isFunctionExpression(n) || Node.isFunctionDeclaration(n) || Node.isMethodDeclaration(n);

/**
 * The function an expression denotes: a literal function, a named function or const, a method via `obj.m`,
 * or the function wrapped by a call such as `fp(fn)` or `asyncHandler(fn)`.
 */
export function resolveFunction(expr: Node | undefined, depth = 0): FunctionLike | undefined {
  if (expr === undefined || depth > 8) return undefined;
  if (isFn(expr)) return expr;
  if (Node.isParenthesizedExpression(expr) || Node.isAsExpression(expr)) return resolveFunction(expr.getExpression(), depth + 1);
  if (Node.isIdentifier(expr) || Node.isPropertyAccessExpression(expr)) {
    const target = Node.isIdentifier(expr) ? resolveDeclaration(expr) : resolveDeclaration(expr.getNameNode());
    if (target === undefined) return undefined;
    if (isFn(target)) return target;
    if (Node.isVariableDeclaration(target) || Node.isPropertyAssignment(target)) return resolveFunction(target.getInitializer(), depth + 1);
    if (Node.isShorthandPropertyAssignment(target)) return resolveFunction(target.getNameNode(), depth + 1);
    if (Node.isSourceFile(target)) return resolveFunction(moduleExports(target), depth + 1);
    const assigned = assignedValue(target);
    return assigned ? resolveFunction(assigned, depth + 1) : undefined;
  }
  if (Node.isCallExpression(expr)) {
    const required = requiredModule(expr);
    if (required) return resolveFunction(moduleExports(required), depth + 1);
    // handler.show.bind(handler)
    const callee = expr.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'bind') return resolveFunction(callee.getExpression(), depth + 1);
    for (const a of expr.getArguments()) {
      const f = isFn(a) ? a : Node.isIdentifier(a) ? resolveFunction(a, depth + 1) : undefined;
      if (f) return f;
    }
  }
  return undefined;
}

/**
 * The value a JS assignment declares: `this.handle = function () {}` in a constructor function (what
 * `new Handler(db).handle` names), `module.exports = fn` and `exports.x = fn` (what `require()` yields).
 */
function assignedValue(target: Node): Node | undefined {
  const assignment = Node.isBinaryExpression(target) ? target : target.getParent();
  if (assignment === undefined || !Node.isBinaryExpression(assignment) || assignment.getOperatorToken().getText() !== '=') return undefined;
  const left = assignment.getLeft();
  return left === target || assignment === target ? assignment.getRight() : undefined;
}

/** The source file `require('./x')` loads, when it is part of the project. */
function requiredModule(call: Node): Node | undefined {
  if (!Node.isCallExpression(call) || call.getExpression().getText() !== 'require') return undefined;
  const decl = call.getArguments()[0]?.getSymbol()?.getDeclarations()[0];
  return decl && Node.isSourceFile(decl) ? decl : undefined;
}

/** The value of a CommonJS module's top-level `module.exports = value` (what `require()` of it yields). */
export function moduleExports(sf: Node): Node | undefined {
  if (!Node.isSourceFile(sf)) return undefined;
  for (const st of sf.getStatements()) {
    const e = Node.isExpressionStatement(st) ? st.getExpression() : undefined;
    if (e && Node.isBinaryExpression(e) && e.getOperatorToken().getText() === '=' && e.getLeft().getText() === 'module.exports') return e.getRight();
  }
  return undefined;
}

/** The function a node sits in (undefined at module level). */
export function enclosingFunction(node: Node): FunctionLike | undefined {
  return node.getFirstAncestor((a): a is FunctionLike => isFn(a));
}

/** A property of an object literal by name (`{ secure: true }` → the `true` node). */
export function objectProperty(obj: Node | undefined, name: string): Node | undefined {
  if (obj === undefined || !Node.isObjectLiteralExpression(obj)) return undefined;
  const p = obj.getProperty(name);
  if (p === undefined) return undefined;
  if (Node.isPropertyAssignment(p)) return p.getInitializer();
  if (Node.isShorthandPropertyAssignment(p)) return p.getNameNode();
  return p;
}

/** Follows a const identifier to its initializer (one step at a time, bounded), so `opts` → `{ ... }`. */
export function followConst(expr: Node | undefined, depth = 0): Node | undefined {
  if (expr === undefined || depth > 5) return expr;
  if (Node.isIdentifier(expr)) {
    const d = resolveDeclaration(expr);
    if (d && Node.isVariableDeclaration(d) && Node.isIdentifier(d.getNameNode())) {
      const init = d.getInitializer();
      if (init) return followConst(init, depth + 1);
    }
  }
  if (Node.isParenthesizedExpression(expr) || Node.isAsExpression(expr) || Node.isSatisfiesExpression(expr)) return followConst(expr.getExpression(), depth + 1);
  return expr;
}

/** The string value of a literal (or a const bound to one, or a no-substitution template), if any. */
export function stringValue(expr: Node | undefined): string | undefined {
  const e = followConst(expr);
  if (e === undefined) return undefined;
  if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return e.getLiteralValue();
  return undefined;
}


/** The expressions a function returns (an arrow's expression body, or its own `return x` statements). */
export function returnExpressions(fn: FunctionLike): Node[] {
  if (Node.isArrowFunction(fn)) {
    const body = fn.getBody();
    if (!Node.isBlock(body)) return [body];
  }
  return fn.getDescendantsOfKind(SyntaxKind.ReturnStatement)
    .filter((r) => enclosingFunction(r) === fn)
    .map((r) => r.getExpression())
    .filter((e): e is NonNullable<typeof e> => e !== undefined);
}
