import { Node, type Symbol as TsSymbol, type Type } from 'ts-morph';

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
 * String formats whose validated values cannot carry an injection (no quotes, spaces, slashes or shell
 * metacharacters). `email`, `uri` and `hostname` are not here: they can.
 */
const SAFE_FORMATS = new Set(['uuid', 'date', 'date-time', 'time', 'ipv4', 'ipv6', 'int32', 'int64', 'byte']);

/** The `@format` JSDoc tag of a property declaration (sb scaffold writes the OpenAPI format there). */
function formatOf(sym: TsSymbol | undefined): string | undefined {
  for (const d of sym?.getDeclarations() ?? []) {
    if (!Node.isPropertySignature(d) && !Node.isPropertyDeclaration(d)) continue;
    for (const doc of d.getJsDocs()) {
      for (const tag of doc.getTags()) if (tag.getTagName() === 'format') return tag.getCommentText()?.trim();
    }
  }
  return undefined;
}

/**
 * True when a property is declared with a validated format that cannot carry an attack string
 * (`@format uuid` on `params.id` in sb scaffold's operation types, whose ajv validators enforce it).
 * `node` is a property access (`input.params.id`) or, for destructuring, the object it came from plus a key.
 */
export function isFormatConstrained(node: Node, key?: string): boolean {
  try {
    if (key !== undefined) return SAFE_FORMATS.has(formatOf(node.getType().getProperty(key)) ?? '');
    if (Node.isPropertyAccessExpression(node)) return SAFE_FORMATS.has(formatOf(node.getNameNode().getSymbol()) ?? '');
  } catch {
    return false;
  }
  return false;
}

/**
 * True when the TypeScript type of an expression cannot carry an attack string: `number`, `boolean`, enums,
 * string-literal unions (`'asc' | 'desc'`), or a string property declared with a safe validated format
 * (`@format uuid`). `any`, `string` and objects are not narrowed.
 */
export function isTypeNarrowed(node: Node): boolean {
  try {
    return safeType(node.getType()) || isFormatConstrained(node);
  } catch {
    return false;
  }
}
