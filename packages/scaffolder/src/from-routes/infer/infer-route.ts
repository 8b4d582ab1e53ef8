import { STATUS_CODES } from 'node:http';
import nodePath from 'node:path';
import type { OperationObject, ParameterObject, ResponsesObject } from 'openapi3-ts/oas31';
import type { Contract, ContractReader } from '../contract/contract-reader.js';
import { toOpenApiPath } from '../discover/mount-graph.js';
import type { RawRoute } from '../discover/registrations.js';
import { functionName, resolveFunction, type FunctionLike } from '../discover/resolve.js';
import type { RouteFramework } from '../options.js';
import type { TypeToSchema } from '../schema/type-to-schema.js';
import type { ZodToSchema } from '../schema/zod-to-schema.js';
import { inferFromBodyCasts } from './body-casts.js';
import { inferFromQueryReads } from './query-reads.js';
import { findRouteDescriptor } from './route-descriptor.js';
import { inferFromFastifySchema } from './fastify-schema.js';
import { OperationParts, type ParamIn } from './parts.js';
import { inferFromFastifyReply, inferFromRequestTypes } from './request-types.js';
import { inferFromResponseSites } from './response-sites.js';
import { inferFromTypedHandler } from './typed-handler.js';
import { inferFromZodCalls } from './zod-calls.js';

export interface InferredOperation {
  /** The OpenAPI path; a route descriptor's `path` restores parameter names the registration renamed. */
  readonly path: string;
  readonly operation: OperationObject;
  readonly inferredFrom: string[];
  readonly notInferred: string[];
  /** The generated route table's contract the operation was read from, if any. */
  readonly contract?: Contract | undefined;
}

const ORDER: readonly ParamIn[] = ['path', 'query', 'header', 'cookie'];

/** Builds one OpenAPI operation from a route, using every source in order of trust; gaps are noted, not filled. */
export function inferOperation(route: RawRoute, fw: RouteFramework, method: string, full: { path: string; params: string[] }, types: TypeToSchema, zod: ZodToSchema, contracts: ContractReader): InferredOperation {
  const descriptor = findRouteDescriptor(route.handlers);
  const contracted = descriptor && contracts.operation(descriptor.file, descriptor.path, method, descriptor.operationId);
  if (descriptor && contracted) {
    const { path } = descriptor.path ? renamed(full, descriptor.path) : full;
    return { operation: contracted.operation, inferredFrom: [`operation: ${relative(contracted.contract.file)}`], notInferred: [], path, contract: contracted.contract };
  }
  const fns = route.handlers.map((h) => resolveFunction(h)).filter((f): f is FunctionLike => f !== undefined);
  if (descriptor) fns.push(descriptor.handler);
  const main = fns[fns.length - 1];
  const { path, params: pathParams } = descriptor?.path ? renamed(full, descriptor.path) : full;
  const parts = new OperationParts();
  const opaqueBefore = types.opaque;
  if (fw === 'fastify') inferFromFastifySchema(route.options, parts, zod);
  if (descriptor?.operationId) parts.operationId = descriptor.operationId;
  inferFromTypedHandler(fns, parts, types, descriptor?.handler);
  inferFromZodCalls(fns, parts, zod);
  inferFromBodyCasts(fns, parts, types);
  if (fw === 'fastify') inferFromFastifyReply(route.call, parts, types);
  inferFromResponseSites(fw, main, parts, types);
  inferFromRequestTypes(fw, main, route.call, parts, types);
  inferFromQueryReads(fns, parts);
  const notInferred = [...parts.notes];
  if (!main) notInferred.push('handler: cannot be resolved to a function (imported from an untyped module?)');
  parts.operationId ??= main ? functionName(main, route.handlers[route.handlers.length - 1]) : undefined;
  if (!parts.operationId) notInferred.push('operationId: the handler is anonymous');

  const operation: OperationObject = {};
  if (parts.operationId) operation.operationId = parts.operationId;
  const parameters = parametersOf(parts, pathParams);
  if (parameters.length) operation.parameters = parameters;
  const stated = descriptor?.body;
  if (stated && stated.mediaTypes.length > 0) {
    const media = parts.body ? { schema: parts.body.schema } : {};
    if (!parts.body) notInferred.push(`request body: ${stated.mediaTypes.join(', ')} content is not typed; schema left out`);
    operation.requestBody = { required: stated.required, content: Object.fromEntries(stated.mediaTypes.map((t) => [t, media])) };
  } else if (parts.body) {
    operation.requestBody = { required: parts.body.required, content: { [parts.body.contentType]: { schema: parts.body.schema } } };
  } else if (['post', 'put', 'patch'].includes(method) && fns.some((f) => /\.(request\.)?body\b/.test(f.getText()))) {
    notInferred.push('request body: read by the handler but its type is not declared');
  }
  if (parts.responses) operation.responses = responsesOf(parts.responses);
  else notInferred.push('responses: no typed response or status/send call found');
  if (types.opaque > opaqueBefore) notInferred.push(`schemas: ${types.opaque - opaqueBefore} type(s) are any/unknown, left as {}`);
  return { operation, inferredFrom: parts.from, notInferred, path };
}

function relative(file: string): string {
  return nodePath.relative(process.cwd(), file);
}

function parametersOf(parts: OperationParts, pathParams: readonly string[]): ParameterObject[] {
  const typedPath = new Map((parts.params.get('path') ?? []).map((p) => [p.name, p]));
  const out: ParameterObject[] = pathParams.map((name) => ({ name, in: 'path', required: true, schema: typedPath.get(name)?.schema ?? { type: 'string' } }));
  for (const location of ORDER.slice(1)) {
    for (const p of parts.params.get(location) ?? []) {
      const param: ParameterObject = { name: p.name, in: location, schema: p.schema };
      if (p.required) param.required = true;
      out.push(param);
    }
  }
  return out;
}

function responsesOf(list: readonly { status: string; schema?: unknown }[]): ResponsesObject {
  const out: ResponsesObject = {};
  for (const r of [...list].sort((a, b) => a.status.localeCompare(b.status))) {
    const description = r.status === 'default' ? 'Default response' : (STATUS_CODES[Number(r.status)] ?? `Status ${r.status}`);
    out[r.status] = r.schema ? { description, content: { 'application/json': { schema: r.schema } } } : { description };
  }
  return out;
}

/** `/v1/pets/{p0}` registered for a descriptor saying `/pets/{petId}` → `/v1/pets/{petId}`. */
function renamed(full: { path: string; params: string[] }, stated: string): { path: string; params: string[] } {
  const converted = toOpenApiPath(stated);
  const own = { path: converted.path, params: [...converted.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!) };
  const shape = (p: string): string => p.replace(/\{[^}]*\}/g, '{}');
  if (!shape(full.path).endsWith(shape(own.path)) || own.params.length > full.params.length) return full;
  const ownSegments = own.path === '/' ? 0 : own.path.split('/').length - 1;
  const segments = full.path.split('/');
  const head = segments.slice(0, segments.length - ownSegments).join('/');
  const headParams = full.params.slice(0, full.params.length - own.params.length);
  return { path: ownSegments === 0 ? full.path : head + own.path, params: [...headParams, ...own.params] };
}
