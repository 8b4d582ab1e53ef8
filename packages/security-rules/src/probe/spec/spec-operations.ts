import { formatProblem, inlineRefs, isObject, loadSpec, OpenApiError, type Json } from '@sb/openapi';
import { SecurityRulesError } from '../../errors.js';
import type { JsonSchema } from './json-schema.js';

/** One parameter of an operation (path or query). */
export interface SpecParameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly schema: JsonSchema;
}

/** One operation of the spec, with `$ref`s resolved. */
export interface SpecOperation {
  readonly method: string;
  /** OpenAPI path template, e.g. `/users/{id}`. */
  readonly path: string;
  readonly operationId: string | undefined;
  readonly parameters: readonly SpecParameter[];
  /** The `application/json` request body schema, if any. */
  readonly body: JsonSchema | undefined;
  readonly bodyRequired: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Reads an OpenAPI 3.0/3.1 document (a YAML or JSON file, external `$ref`s bundled, or an object) with
 * `@sb/openapi` and lists its operations. Throws `SECRULES_SPEC_INVALID`, naming the file, line and field.
 */
export async function readSpecOperations(spec: string | Readonly<Record<string, unknown>>): Promise<SpecOperation[]> {
  try {
    const { doc, file } = await loadSpec(spec);
    return listOperations(doc, file ?? 'the spec object');
  } catch (err) {
    if (!OpenApiError.is(err)) throw err;
    const [only, ...more] = err.problems;
    throw new SecurityRulesError('SECRULES_SPEC_INVALID', only && more.length === 0 ? formatProblem(only) : err.message, { cause: err });
  }
}

function listOperations(doc: Json, where: string): SpecOperation[] {
  const paths = doc['paths'];
  if (!isObject(paths)) throw new SecurityRulesError('SECRULES_SPEC_INVALID', `${where}: "paths" is missing or not an object`);
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item) || !path.startsWith('/')) continue;
    const shared = Array.isArray(item['parameters']) ? item['parameters'] : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const params = [...shared, ...(Array.isArray(op['parameters']) ? op['parameters'] : [])].map((p) => inlineRefs(doc, p));
      const body = inlineRefs(doc, op['requestBody']);
      const json = isObject(body) && isObject(body['content']) ? jsonContent(body['content']) : undefined;
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: typeof op['operationId'] === 'string' ? op['operationId'] : undefined,
        parameters: params.filter(isParameter).map((p) => ({ name: p['name'] as string, in: p['in'] as 'path', required: p['required'] === true || p['in'] === 'path', schema: isObject(p['schema']) ? p['schema'] : {} })),
        body: json,
        bodyRequired: isObject(body) && body['required'] === true,
      });
    }
  }
  return out;
}

function jsonContent(content: Record<string, unknown>): JsonSchema | undefined {
  for (const [type, media] of Object.entries(content)) {
    if ((type === 'application/json' || type.endsWith('+json')) && isObject(media) && isObject(media['schema'])) return media['schema'];
  }
  return undefined;
}

function isParameter(p: unknown): p is Record<string, unknown> {
  return isObject(p) && typeof p['name'] === 'string' && (p['in'] === 'path' || p['in'] === 'query');
}
