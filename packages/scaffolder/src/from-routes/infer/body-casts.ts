import { SyntaxKind } from 'ts-morph';
import type { FunctionLike } from '../discover/resolve.js';
import type { TypeToSchema } from '../schema/type-to-schema.js';
import type { OperationParts } from './parts.js';

const BODY = /^(ctx\.request|req|request)\.body$|^\(ctx\.request as [^)]*\)\.body$/;

/** `ctx.request.body as Book` / `req.body satisfies NewPet`: the asserted type describes the request body. */
export function inferFromBodyCasts(fns: readonly FunctionLike[], parts: OperationParts, types: TypeToSchema): void {
  for (const fn of fns) {
    for (const node of [...fn.getDescendantsOfKind(SyntaxKind.AsExpression), ...fn.getDescendantsOfKind(SyntaxKind.SatisfiesExpression)]) {
      if (!BODY.test(node.getExpression().getText())) continue;
      const typeNode = node.getTypeNode();
      if (!typeNode) continue;
      const t = typeNode.getType();
      if (t.isAny() || t.isUnknown()) continue;
      parts.setBody(types.convert(t, node), true, `${node.getExpression().getText()} as ${typeNode.getText()}`);
      return;
    }
  }
}
