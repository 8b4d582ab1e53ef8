import { readFile } from 'node:fs/promises';
import { parse, YAMLParseError } from 'yaml';
import { SecurityRulesError } from '../../errors.js';
import { resolveRefs, type JsonSchema } from './refs.js';

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

/** Reads an OpenAPI 3.x document (YAML or JSON) and lists its operations. Throws `SECRULES_SPEC_INVALID`. */
export async function loadSpec(spec: string | Readonly<Record<string, unknown>>): Promise<SpecOperation[]> {
  const where = typeof spec === 'string' ? spec : 'the spec object';
  let doc: unknown = spec;
  if (typeof spec === 'string') {
    let text: string;
    try {
      text = await readFile(spec, 'utf8');
    } catch (err) {
      throw new SecurityRulesError('SECRULES_SPEC_INVALID', `cannot read spec ${spec}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`, { cause: err });
    }
    try {
      doc = parse(text);
    } catch (err) {
      const line = err instanceof YAMLParseError ? err.linePos?.[0].line : undefined;
      throw new SecurityRulesError('SECRULES_SPEC_INVALID', `${spec}${line ? `:${line}` : ''}: not valid YAML/JSON: ${(err as Error).message.split('\n')[0]}`, { cause: err });
    }
  }
  return listOperations(doc, where);
}

function listOperations(doc: unknown, where: string): SpecOperation[] {
  if (!isObject(doc) || typeof doc['openapi'] !== 'string' || !doc['openapi'].startsWith('3.')) {
    throw new SecurityRulesError('SECRULES_SPEC_INVALID', `${where}: not an OpenAPI 3.x document (no "openapi: 3.x" field)`);
  }
  const paths = doc['paths'];
  if (!isObject(paths)) throw new SecurityRulesError('SECRULES_SPEC_INVALID', `${where}: "paths" is missing or not an object`);
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item) || !path.startsWith('/')) continue;
    const shared = Array.isArray(item['parameters']) ? item['parameters'] : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const params = [...shared, ...(Array.isArray(op['parameters']) ? op['parameters'] : [])].map((p) => resolveRefs(doc, p));
      const body = resolveRefs(doc, op['requestBody']);
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
