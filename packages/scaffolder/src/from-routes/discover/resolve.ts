import { Node, type ArrowFunction, type FunctionDeclaration, type FunctionExpression, type MethodDeclaration } from 'ts-morph';

/** A function whose body we can read. */
export type FunctionLike = ArrowFunction | FunctionExpression | FunctionDeclaration | MethodDeclaration;

/**
 * The declaration an identifier (or `a.b` property access) refers to, through imports, re-exports and
 * `export default x`. Undefined when the checker cannot tell (e.g. an untyped package).
 */
export function resolveDeclaration(node: Node, depth = 0): Node | undefined {
  if (depth > 10) return undefined;
  let symbol = node.getSymbol();
  if (!symbol) return undefined;
  if (symbol.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
  const decl = symbol.getValueDeclaration() ?? symbol.getDeclarations()[0];
  if (!decl) return undefined;
  if (Node.isExportAssignment(decl)) {
    const expr = decl.getExpression();
    if (Node.isIdentifier(expr)) return resolveDeclaration(expr, depth + 1) ?? decl;
    return expr;
  }
  if (Node.isExportSpecifier(decl) || Node.isImportSpecifier(decl) || Node.isImportClause(decl)) return undefined;
  return decl;
}

/** Follows `const a = b` chains to the declaration holding the real value. */
export function followVariable(decl: Node | undefined, depth = 0): Node | undefined {
  if (!decl || depth > 10) return decl;
  if (Node.isVariableDeclaration(decl)) {
    const init = unwrap(decl.getInitializer());
    if (init && (Node.isIdentifier(init) || Node.isPropertyAccessExpression(init))) {
      const next = resolveDeclaration(init);
      if (next && next !== decl) return followVariable(next, depth + 1);
    }
  }
  return decl;
}

let active: ReadonlyMap<Node, Node> | undefined;

/**
 * Runs `fn` with loop bindings in force: inside `for (const [method, path, spec] of ROUTES) …`, each
 * binding element maps to the matching expression of one row of `ROUTES`, so the row reads as if written out.
 */
export function withBindings<T>(bindings: ReadonlyMap<Node, Node> | undefined, fn: () => T): T {
  const previous = active;
  active = bindings;
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/** The row's expression for an identifier bound by the loop being expanded, else the node itself. */
export function substitute(node: Node): Node {
  if (!active || active.size === 0 || !Node.isIdentifier(node)) return node;
  for (const decl of node.getSymbol()?.getDeclarations() ?? []) {
    const bound = active.get(decl);
    if (bound) return bound;
  }
  // `{ method, url }`: a shorthand property's own symbol is the property, not the loop variable.
  if (Node.isShorthandPropertyAssignment(node.getParent())) {
    for (const [decl, bound] of active) if (Node.isBindingElement(decl) && decl.getName() === node.getText()) return bound;
  }
  return node;
}

/** Strips parentheses, `as`, `satisfies`, `!` and `await`, and applies loop bindings. */
export function unwrap(node: Node | undefined): Node | undefined {
  let n = node ? substitute(node) : node;
  while (
    n &&
    (Node.isParenthesizedExpression(n) || Node.isAsExpression(n) || Node.isSatisfiesExpression(n) || Node.isNonNullExpression(n) || Node.isAwaitExpression(n) || Node.isTypeAssertion(n))
  ) {
    n = substitute(n.getExpression());
  }
  return n;
}

/**
 * The function an expression denotes: an inline arrow/function, an identifier or `obj.method` naming a
 * function (declaration, `const f = () => …`, object method), or the first function argument of a wrapper
 * call such as `asyncHandler(async (req, res) => …)`.
 */
export function resolveFunction(expr: Node | undefined, depth = 0): FunctionLike | undefined {
  const e = unwrap(expr);
  if (!e || depth > 8) return undefined;
  if (Node.isArrowFunction(e) || Node.isFunctionExpression(e) || Node.isFunctionDeclaration(e) || Node.isMethodDeclaration(e)) return e;
  if (Node.isIdentifier(e) || Node.isPropertyAccessExpression(e)) {
    const decl = followVariable(resolveDeclaration(e));
    if (!decl) return undefined;
    if (Node.isFunctionDeclaration(decl) || Node.isMethodDeclaration(decl)) return decl;
    if (Node.isVariableDeclaration(decl) || Node.isPropertyAssignment(decl) || Node.isPropertyDeclaration(decl)) {
      return resolveFunction(decl.getInitializer(), depth + 1);
    }
    return undefined;
  }
  if (Node.isCallExpression(e)) {
    for (const arg of e.getArguments()) {
      const f = resolveFunction(arg, depth + 1);
      if (f) return f;
    }
  }
  return undefined;
}

/** The name a function is known by: its own name, or the variable/property it is assigned to. */
export function functionName(fn: FunctionLike, viaExpr?: Node): string | undefined {
  const own = Node.isArrowFunction(fn) ? undefined : fn.getName();
  if (own) return own;
  const parent = fn.getParent();
  if (parent && (Node.isVariableDeclaration(parent) || Node.isPropertyAssignment(parent))) return parent.getName();
  const e = unwrap(viaExpr);
  if (e && Node.isIdentifier(e)) return e.getText();
  if (e && Node.isPropertyAccessExpression(e)) return e.getName();
  return undefined;
}
