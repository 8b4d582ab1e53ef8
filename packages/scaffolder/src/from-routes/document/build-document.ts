import { OpenApiBuilder, type OpenAPIObject, type OperationObject } from 'openapi3-ts/oas31';
import type { SchemaRegistry } from '../schema/registry.js';

export interface DocumentOperation {
  readonly path: string;
  readonly method: string;
  readonly operation: OperationObject;
}

/** Assembles the OpenAPI 3.1 document: paths in order, unique operation ids, only the components used. */
export function buildDocument(title: string, version: string, operations: readonly DocumentOperation[], registry: SchemaRegistry): OpenAPIObject {
  const builder = OpenApiBuilder.create({ openapi: '3.1.0', info: { title, version }, paths: {} });
  const ids = new Map<string, number>();
  const paths: Record<string, Record<string, OperationObject>> = {};
  for (const op of operations) {
    const operation = { ...op.operation };
    if (operation.operationId) {
      const n = (ids.get(operation.operationId) ?? 0) + 1;
      ids.set(operation.operationId, n);
      if (n > 1) operation.operationId = `${operation.operationId}${n}`;
    }
    (paths[op.path] ??= {})[op.method] = operation;
  }
  for (const [path, item] of Object.entries(paths)) builder.addPath(path, item);
  for (const name of usedSchemas(paths, registry)) builder.addSchema(name, registry.schemas.get(name)!);
  return builder.getSpec();
}

function usedSchemas(root: unknown, registry: SchemaRegistry): string[] {
  const used = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string' && x.startsWith('#/components/schemas/')) {
          const name = x.slice('#/components/schemas/'.length);
          if (!used.has(name) && registry.schemas.has(name)) {
            used.add(name);
            visit(registry.schemas.get(name));
          }
        } else visit(x);
      }
    }
  };
  visit(root);
  return [...registry.schemas.keys()].filter((n) => used.has(n));
}
