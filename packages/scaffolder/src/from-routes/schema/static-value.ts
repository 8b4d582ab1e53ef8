import { Node, SyntaxKind, type Expression } from 'ts-morph';
import { resolveDeclaration, substitute } from '../discover/resolve.js';

/** Marks a value that cannot be known without running the code. */
export const UNKNOWN: unique symbol = Symbol('unknown');

/**
 * Evaluates an expression made of literals, objects, arrays, spreads, `as const`/`satisfies`, and references
 * to `const` declarations (followed across files) — how Fastify JSON schemas are usually written. Anything
 * else yields {@link UNKNOWN}, never a guess.
 */
export function staticValue(node: Node | undefined, depth = 0): unknown {
  if (!node || depth > 30) return UNKNOWN;
  const expr = substitute(node);
  if (Node.isParenthesizedExpression(expr) || Node.isAsExpression(expr) || Node.isSatisfiesExpression(expr) || Node.isTypeAssertion(expr)) {
    return staticValue(expr.getExpression(), depth + 1);
  }
  if (Node.isStringLiteral(expr) || Node.isNoSubstitutionTemplateLiteral(expr)) return expr.getLiteralValue();
  if (Node.isNumericLiteral(expr)) return expr.getLiteralValue();
  if (expr.getKind() === SyntaxKind.TrueKeyword) return true;
  if (expr.getKind() === SyntaxKind.FalseKeyword) return false;
  if (expr.getKind() === SyntaxKind.NullKeyword) return null;
  if (Node.isPrefixUnaryExpression(expr) && expr.getOperatorToken() === SyntaxKind.MinusToken) {
    const v = staticValue(expr.getOperand(), depth + 1);
    return typeof v === 'number' ? -v : UNKNOWN;
  }
  if (Node.isArrayLiteralExpression(expr)) {
    const out: unknown[] = [];
    for (const el of expr.getElements()) {
      if (Node.isSpreadElement(el)) {
        const v = staticValue(el.getExpression(), depth + 1);
        if (!Array.isArray(v)) return UNKNOWN;
        out.push(...v);
      } else {
        const v = staticValue(el, depth + 1);
        if (v === UNKNOWN) return UNKNOWN;
        out.push(v);
      }
    }
    return out;
  }
  if (Node.isObjectLiteralExpression(expr)) return objectValue(expr, depth);
  if (Node.isIdentifier(expr) || Node.isPropertyAccessExpression(expr)) {
    if (Node.isPropertyAccessExpression(expr)) {
      const base = staticValue(expr.getExpression(), depth + 1);
      if (base !== UNKNOWN && typeof base === 'object' && base !== null) {
        const v = (base as Record<string, unknown>)[expr.getName()];
        return Object.hasOwn(base, expr.getName()) ? v : UNKNOWN;
      }
    }
    const decl = resolveDeclaration(expr);
    if (decl && Node.isVariableDeclaration(decl)) return staticValue(decl.getInitializer(), depth + 1);
    if (decl && (Node.isPropertyAssignment(decl) || Node.isEnumMember(decl))) return staticValue(decl.getInitializer(), depth + 1);
  }
  return UNKNOWN;
}

function objectValue(expr: Node & { getProperties(): Node[] }, depth: number): unknown {
  const out: Record<string, unknown> = {};
  for (const prop of expr.getProperties()) {
    if (Node.isSpreadAssignment(prop)) {
      const v = staticValue(prop.getExpression(), depth + 1);
      if (v === UNKNOWN || typeof v !== 'object' || v === null) return UNKNOWN;
      Object.assign(out, v);
    } else if (Node.isPropertyAssignment(prop)) {
      const key = propertyKey(prop.getNameNode());
      const v = staticValue(prop.getInitializer() as Expression | undefined, depth + 1);
      if (key === undefined || v === UNKNOWN) return UNKNOWN;
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    } else if (Node.isShorthandPropertyAssignment(prop)) {
      const v = staticValue(prop.getNameNode(), depth + 1);
      if (v === UNKNOWN) return UNKNOWN;
      Object.defineProperty(out, prop.getName(), { value: v, enumerable: true, writable: true, configurable: true });
    } else {
      return UNKNOWN;
    }
  }
  return out;
}

/** The name of a property key when it is static (identifier, string, number, computed literal). */
export function propertyKey(name: Node): string | undefined {
  if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralValue();
  if (Node.isNumericLiteral(name)) return String(name.getLiteralValue());
  if (Node.isComputedPropertyName(name)) {
    const v = staticValue(name.getExpression());
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  }
  return undefined;
}
