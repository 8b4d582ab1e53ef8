import { Node, SyntaxKind } from 'ts-morph';
import type { FunctionLike } from '../discover/resolve.js';
import type { OperationParts } from './parts.js';

const QUERY = /^(req|request|ctx|ctx\.request)\.query$/;

/**
 * When nothing typed the query string, the names the handler reads (`req.query.limit`,
 * `const { page } = ctx.query`) are still parameters: listed with an empty schema and a note, because their
 * type is not declared anywhere.
 */
export function inferFromQueryReads(fns: readonly FunctionLike[], parts: OperationParts): void {
  if (parts.params.has('query')) return;
  const found: [number, string][] = [];
  for (const fn of fns) {
    for (const access of fn.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
      if (QUERY.test(access.getExpression().getText())) found.push([access.getStart(), access.getName()]);
    }
    for (const el of fn.getDescendantsOfKind(SyntaxKind.ElementAccessExpression)) {
      const arg = el.getArgumentExpression();
      if (QUERY.test(el.getExpression().getText()) && arg && Node.isStringLiteral(arg)) found.push([el.getStart(), arg.getLiteralValue()]);
    }
    for (const decl of fn.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
      const pattern = decl.getNameNode();
      const init = decl.getInitializer();
      if (!Node.isObjectBindingPattern(pattern) || !init || !QUERY.test(init.getText())) continue;
      for (const el of pattern.getElements()) found.push([el.getStart(), (el.getPropertyNameNode() ?? el.getNameNode()).getText()]);
    }
  }
  const names = new Set(found.sort((a, b) => a[0] - b[0]).map(([, n]) => n));
  if (names.size === 0) return;
  parts.setParams('query', [...names].map((name) => ({ name, in: 'query', required: false, schema: {} })), 'reads of the query object');
  parts.notes.push(`query parameters ${[...names].join(', ')}: read by the handler but their types are not declared`);
}
