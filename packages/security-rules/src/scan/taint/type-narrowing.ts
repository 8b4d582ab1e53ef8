import type { Node, Type } from 'ts-morph';

function safeType(t: Type, depth = 0): boolean {
  if (depth > 4) return false;
  if (t.isAny() || t.isUnknown()) return false;
  if (t.isNumber() || t.isBoolean() || t.isNumberLiteral() || t.isBooleanLiteral() || t.isStringLiteral() || t.isEnum() || t.isEnumLiteral() || t.isNull() || t.isUndefined()) return true;
  const text = t.getText();
  if (text === 'bigint' || text === 'void' || text === 'never' || text === 'Date') return true;
  if (t.isUnion()) return t.getUnionTypes().every((u) => safeType(u, depth + 1));
  return false;
}

/**
 * True when the TypeScript type of an expression cannot carry an attack string: `number`, `boolean`, enums,
 * string-literal unions (`'asc' | 'desc'`). `any`, `string` and objects are not narrowed.
 */
export function isTypeNarrowed(node: Node): boolean {
  try {
    return safeType(node.getType());
  } catch {
    return false;
  }
}
