import { Node, SyntaxKind } from 'ts-morph';
import { resolveDeclaration } from '../symbols/declarations.js';
import { isTypeNarrowed } from './type-narrowing.js';

/** True when an expression can only produce text fixed by the code (literals, consts of literals, narrowed values). */
export function isConstantValue(node: Node | undefined, depth = 0): boolean {
  if (node === undefined || depth > 8) return false;
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) || Node.isNumericLiteral(node)) return true;
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node)) return isConstantValue(node.getExpression(), depth + 1);
  if (Node.isTemplateExpression(node)) return node.getTemplateSpans().every((s) => isConstantValue(s.getExpression(), depth + 1));
  if (Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    return isConstantValue(node.getLeft(), depth + 1) && isConstantValue(node.getRight(), depth + 1);
  }
  if (Node.isConditionalExpression(node)) return isConstantValue(node.getWhenTrue(), depth + 1) && isConstantValue(node.getWhenFalse(), depth + 1);
  // The path of the running Node binary: chosen by whoever started the process, never by a request.
  if (Node.isPropertyAccessExpression(node) && node.getText() === 'process.execPath') return true;
  if (isTypeNarrowed(node)) return true;
  if (Node.isIdentifier(node)) {
    const d = resolveDeclaration(node);
    if (d && Node.isVariableDeclaration(d) && d.getVariableStatement()?.getDeclarationKind() === 'const') return isConstantValue(d.getInitializer(), depth + 1);
  }
  return false;
}
