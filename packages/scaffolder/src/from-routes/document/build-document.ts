import { OpenApiBuilder, type OpenAPIObject, type OperationObject } from 'openapi3-ts/oas31';
import { isObject, type Json } from '@sb/openapi';
import type { Contract } from '../contract/contract-reader.js';
import type { SchemaRegistry } from '../schema/registry.js';

export interface DocumentOperation {
  readonly path: string;
  readonly method: string;
  readonly operation: OperationObject;
  /** Set when the operation was read from a generated route table's contract rather than inferred. */
  readonly contract?: Contract | undefined;
}

/**
 * Assembles the OpenAPI 3.1 document: paths in order, unique operation ids, only the components used. Operations
 * read from a contract bring the contract's components they refer to (schemas, parameters, responses, …, and
 * security schemes), its tag descriptions and its webhooks; when every operation came from one contract, its
 * top-level `security` too.
 */
export function buildDocument(title: string, version: string, operations: readonly DocumentOperation[], registry: SchemaRegistry): OpenAPIObject {
  const builder = OpenApiBuilder.create({ openapi: '3.1.0', info: { title, version }, paths: {} });
  const ids = new Map<string, number>();
  const paths: Record<string, Record<string, OperationObject>> = {};
  const contracts = [...new Set(operations.map((o) => o.contract).filter((c): c is Contract => c !== undefined))];
  const inferred = operations.filter((o) => !o.contract).map((o) => o.operation);
  const whole = contracts.length === 1 && inferred.length === 0;
  for (const op of operations) {
    const operation = { ...op.operation };
    // The contract's top-level `security` applies to its operations; stated on each when it cannot be top-level.
    const inherited = op.contract?.doc['security'];
    if (op.contract && !whole && operation.security === undefined && Array.isArray(inherited)) operation.security = structuredClone(inherited) as OperationObject['security'];
    if (operation.operationId) {
      const n = (ids.get(operation.operationId) ?? 0) + 1;
      ids.set(operation.operationId, n);
      if (n > 1) operation.operationId = `${operation.operationId}${n}`;
    }
    (paths[op.path] ??= {})[op.method] = operation;
  }
  for (const [path, item] of Object.entries(paths)) builder.addPath(path, item);
  for (const name of usedSchemas(inferred, registry)) builder.addSchema(name, registry.schemas.get(name)!);
  const doc = builder.getSpec();
  for (const contract of contracts) addContractParts(doc, contract, operations.filter((o) => o.contract === contract).map((o) => o.operation), whole);
  return doc;
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

const COMPONENT_REF = /^#\/components\/([^/]+)\/([^/]+)/;

/** Copies into `doc` what the contract's operations refer to, in the contract's order. */
function addContractParts(doc: OpenAPIObject, contract: Contract, ops: readonly OperationObject[], whole: boolean): void {
  const source = isObject(contract.doc['components']) ? contract.doc['components'] : {};
  const used = new Map<string, Set<string>>();
  const mark = (kind: string, name: string): boolean => {
    const set = used.get(kind) ?? new Set<string>();
    used.set(kind, set);
    if (set.has(name)) return false;
    set.add(name);
    return true;
  };
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        const m = k === '$ref' && typeof x === 'string' ? COMPONENT_REF.exec(x) : null;
        if (m) {
          const [kind, name] = [m[1]!, m[2]!.replace(/~1/g, '/').replace(/~0/g, '~')];
          const target = isObject(source[kind]) ? source[kind][name] : undefined;
          if (target !== undefined && mark(kind, name)) visit(target);
        } else visit(x);
      }
    }
  };
  const security = (list: unknown): void => {
    if (Array.isArray(list)) for (const req of list) if (isObject(req)) for (const name of Object.keys(req)) mark('securitySchemes', name);
  };
  // 3.0 specs keep webhooks under `x-webhooks` (GitHub's do): in the 3.1 document they are `webhooks`.
  const found = contract.doc['webhooks'] ?? contract.doc['x-webhooks'];
  const webhooks = isObject(found) ? found : undefined;
  visit(ops);
  if (webhooks) visit(webhooks);
  for (const op of ops) security(op.security);
  security(contract.doc['security']);
  const out = doc as unknown as Json;
  const components = (isObject(out['components']) ? out['components'] : (out['components'] = {})) as Json;
  for (const [kind, all] of Object.entries(source)) {
    const names = used.get(kind);
    if (!names || !isObject(all)) continue;
    const into = (isObject(components[kind]) ? components[kind] : (components[kind] = {})) as Json;
    for (const name of Object.keys(all)) {
      if (names.has(name) && !(name in into)) Object.defineProperty(into, name, { value: structuredClone(all[name]), enumerable: true, writable: true, configurable: true });
    }
  }
  if (webhooks) out['webhooks'] = { ...(isObject(out['webhooks']) ? out['webhooks'] : {}), ...structuredClone(webhooks) };
  if (whole && Array.isArray(contract.doc['security'])) out['security'] = structuredClone(contract.doc['security']);
  if (whole && isObject(contract.doc['info'])) out['info'] = { ...structuredClone(contract.doc['info']), ...(out['info'] as Json) };
  const tagNames = new Set(ops.flatMap((o) => o.tags ?? []));
  const tags = Array.isArray(contract.doc['tags']) ? contract.doc['tags'].filter((t) => isObject(t) && (whole || tagNames.has(String(t['name'])))) : [];
  if (tags.length > 0) out['tags'] = [...(Array.isArray(out['tags']) ? out['tags'] : []), ...structuredClone(tags)];
}
