import { Node, SyntaxKind } from 'ts-morph';
import type { SchemaObject } from 'openapi3-ts/oas31';
import { unwrap, type FunctionLike } from '../discover/resolve.js';
import { isZodExpression, type ZodToSchema } from '../schema/zod-to-schema.js';
import { paramsFromSchema, type OperationParts, type ParamIn } from './parts.js';

const PARSE = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync']);
const TARGET: Record<string, ParamIn | 'body'> = { body: 'body', query: 'query', params: 'path', headers: 'header' };

/**
 * `Schema.parse(req.body)`, `Schema.safeParse(ctx.request.query)`, … in the route's functions (middleware
 * included): the zod schema describes that part of the request.
 */
export function inferFromZodCalls(fns: readonly FunctionLike[], parts: OperationParts, zod: ZodToSchema): void {
  for (const fn of fns) {
    for (const call of fn.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || !PARSE.has(callee.getName())) continue;
      const arg = unwrap(call.getArguments()[0]);
      if (!arg || !Node.isPropertyAccessExpression(arg)) continue;
      const target = TARGET[arg.getName()];
      if (!target || !isZodExpression(callee.getExpression())) continue;
      const { schema } = zod.convert(callee.getExpression());
      if (target === 'body') parts.setBody(schema, true, 'zod');
      else {
        const resolved = resolveRef(schema, zod);
        if (resolved) parts.setParams(target, paramsFromSchema(resolved, target), 'zod');
      }
    }
  }
}

function resolveRef(schema: object, zod: ZodToSchema): SchemaObject | undefined {
  if ('$ref' in schema) {
    const name = String((schema as { $ref: string }).$ref).split('/').pop()!;
    const s = zod.registry.schemas.get(name);
    return s && !('$ref' in s) ? s : undefined;
  }
  return schema as SchemaObject;
}
