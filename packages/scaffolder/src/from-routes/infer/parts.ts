import type { Node, Type } from 'ts-morph';
import type { SchemaObject } from 'openapi3-ts/oas31';
import type { JsonSchema } from '../schema/registry.js';
import type { TypeToSchema } from '../schema/type-to-schema.js';

export type ParamIn = 'path' | 'query' | 'header' | 'cookie';

export interface ParamPart {
  readonly name: string;
  readonly in: ParamIn;
  readonly required: boolean;
  readonly schema: JsonSchema;
  readonly description?: string;
}

export interface ResponsePart {
  readonly status: string;
  /** Absent: the response has no body. */
  readonly schema?: JsonSchema;
}

/**
 * What is known about one operation, filled by the inference sources in order of trust (Fastify JSON
 * schema, typed handler, zod, TypeScript types of req/res, call sites): a source only fills what the ones
 * before it left empty, and records its name in `from`.
 */
export class OperationParts {
  readonly params = new Map<ParamIn, ParamPart[]>();
  body: { schema: JsonSchema; required: boolean; contentType: string } | undefined;
  responses: ResponsePart[] | undefined;
  operationId: string | undefined;
  readonly from: string[] = [];
  readonly notes: string[] = [];

  setParams(location: ParamIn, list: ParamPart[], source: string): void {
    if (this.params.has(location) || list.length === 0) return;
    this.params.set(location, list);
    this.from.push(`${location === 'path' ? 'path params' : location}: ${source}`);
  }

  setBody(schema: JsonSchema, required: boolean, source: string, contentType = 'application/json'): void {
    if (this.body) return;
    this.body = { schema, required, contentType };
    this.from.push(`body: ${source}`);
  }

  setResponses(list: ResponsePart[], source: string): void {
    if (this.responses || list.length === 0) return;
    this.responses = list;
    this.from.push(`responses: ${source}`);
  }
}

/** The properties of an object type as parameters (`required` unless optional). */
export function paramsFromType(type: Type, where: Node, location: ParamIn, types: TypeToSchema): ParamPart[] {
  return type.getProperties().map((p) => {
    const t = p.getTypeAtLocation(where);
    return { name: p.getName(), in: location, required: location === 'path' || !p.isOptional(), schema: types.property(p, t, p.getDeclarations()[0], where) };
  });
}

/** The properties of an object JSON Schema as parameters. */
export function paramsFromSchema(schema: SchemaObject, location: ParamIn): ParamPart[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: s,
  }));
}

/**
 * True when a type says something the user wrote: not `any`/`unknown`, and not a framework default such as
 * Express's `ParamsDictionary`/`ParsedQs` or Node's `IncomingHttpHeaders` (declared in node_modules).
 */
export function isUserTyped(type: Type | undefined): type is Type {
  if (!type || type.isAny() || type.isUnknown() || type.isNever() || type.isUndefined() || type.isVoid()) return false;
  if (type.isIntersection()) return type.getIntersectionTypes().some((t) => isUserTyped(t));
  if (!type.isObject() || type.isArray() || ['Date', 'Buffer', 'Uint8Array', 'Blob'].includes(type.getSymbol()?.getName() ?? '')) return true;
  const props = type.getProperties();
  if (props.length === 0) return false;
  return props.some((p) => p.getDeclarations().some((d) => !d.getSourceFile().isInNodeModules()));
}
