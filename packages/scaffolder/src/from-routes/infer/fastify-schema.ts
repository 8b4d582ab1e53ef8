import { Node } from 'ts-morph';
import type { SchemaObject } from 'openapi3-ts/oas31';
import { resolveDeclaration, unwrap } from '../discover/resolve.js';
import { staticValue, UNKNOWN } from '../schema/static-value.js';
import { isZodExpression, type ZodToSchema } from '../schema/zod-to-schema.js';
import type { JsonSchema } from '../schema/registry.js';
import { paramsFromSchema, type OperationParts, type ParamIn } from './parts.js';

const LOCATIONS: readonly [string, ParamIn][] = [['params', 'path'], ['querystring', 'query'], ['query', 'query'], ['headers', 'header']];

/**
 * Reads Fastify's route `schema` option (`params`, `querystring`, `headers`, `body`, `response`): JSON Schema
 * literals (also via imported constants) or zod schemas (type providers). Parts it cannot evaluate are noted.
 */
export function inferFromFastifySchema(options: Node | undefined, parts: OperationParts, zod: ZodToSchema): void {
  const opts = unwrap(options);
  if (!opts || !Node.isObjectLiteralExpression(opts)) return;
  const schemaProp = opts.getProperty('schema');
  const schemaNode = schemaProp && Node.isPropertyAssignment(schemaProp) ? unwrap(schemaProp.getInitializer()) : undefined;
  if (!schemaNode) return;
  const sections = sectionsOf(schemaNode);
  if (!sections) {
    parts.notes.push('Fastify route schema: not a static value');
    return;
  }
  const read = (key: string): JsonSchema | undefined => {
    const node = sections.get(key);
    if (!node) return undefined;
    if (isZodExpression(node)) return zod.convert(node).schema;
    const v = staticValue(node);
    if (v === UNKNOWN || typeof v !== 'object' || v === null) {
      parts.notes.push(`Fastify route schema.${key}: not a static value`);
      return undefined;
    }
    return v as JsonSchema;
  };
  for (const [key, location] of LOCATIONS) {
    const s = read(key);
    if (s && !('$ref' in s)) parts.setParams(location, paramsFromSchema(s as SchemaObject, location), 'Fastify schema');
  }
  const body = read('body');
  if (body) parts.setBody(body, true, 'Fastify schema');
  const response = sections.get('response');
  const responses = response ? staticValue(response) : undefined;
  if (response && (responses === UNKNOWN || typeof responses !== 'object' || responses === null)) {
    parts.notes.push('Fastify route schema.response: not a static value');
  } else if (responses && typeof responses === 'object') {
    const list = Object.entries(responses as Record<string, unknown>).map(([status, s]) => ({ status, schema: s as JsonSchema }));
    parts.setResponses(list, 'Fastify schema');
  }
}

/** The `schema` object's sections as nodes (so zod expressions can be read from source). */
function sectionsOf(node: Node): Map<string, Node> | undefined {
  const out = new Map<string, Node>();
  if (Node.isObjectLiteralExpression(node)) {
    for (const p of node.getProperties()) {
      if (Node.isPropertyAssignment(p)) out.set(p.getName().replace(/^['"]|['"]$/g, ''), p.getInitializerOrThrow());
      else if (Node.isShorthandPropertyAssignment(p)) out.set(p.getName(), p.getNameNode());
      else return undefined;
    }
    return out;
  }
  // A constant defined elsewhere (`schema: getPetSchema`): read its object literal.
  const decl = Node.isIdentifier(node) || Node.isPropertyAccessExpression(node) ? resolveDeclaration(node) : undefined;
  const init = decl && Node.isVariableDeclaration(decl) ? unwrap(decl.getInitializer()) : undefined;
  return init && init !== node ? sectionsOf(init) : undefined;
}
