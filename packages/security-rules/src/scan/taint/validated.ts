import { Node, SyntaxKind } from 'ts-morph';
import type { ScanConfig } from '../config/scan-config.js';
import type { RouteModel } from '../routes/types.js';
import { enclosingFunction, objectProperty } from '../symbols/declarations.js';
import { refOf } from '../symbols/module-ref.js';

const SCHEMA_KEY: Record<string, string> = { body: 'body', query: 'querystring', querystring: 'querystring', params: 'params', headers: 'headers' };
const VALIDATE_NAME = /^(?:validate|assert|check|parse|safeParse|is[A-Z]\w*)$/;

/** The route-level Fastify `schema` covers this source (`request.body` ← `schema.body`). */
function schemaCovers(source: Node, routes: RouteModel): boolean {
  const fn = enclosingFunction(source);
  const route = fn ? routes.handlers.get(fn) : undefined;
  if (!route?.schema) return false;
  const key = /\.(\w+)$/.exec(source.getText())?.[1] ?? 'body';
  const schemaKey = SCHEMA_KEY[key];
  return schemaKey !== undefined && objectProperty(route.schema, schemaKey) !== undefined;
}

/**
 * True when request data was validated before this read: a Fastify route schema covers it, or an earlier call
 * in the same function validated the same expression (`validate(req.body)` compiled by ajv, `ajv.validate(s, x)`,
 * `schema.parse(req.body)`, or a declared validator/sanitizer).
 */
export function isValidated(source: Node, routes: RouteModel, config: ScanConfig): boolean {
  if (schemaCovers(source, routes)) return true;
  const fn = enclosingFunction(source);
  if (fn === undefined) return false;
  const text = source.getText();
  const pos = source.getStart();
  for (const call of fn.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (call.getStart() >= pos) break;
    if (!call.getArguments().some((a) => a.getText() === text)) continue;
    if (isValidationCall(call, config)) return true;
  }
  return false;
}

/** A call that validates its argument: ajv (compiled or `ajv.validate`), zod/joi, `validate*`/`assert*`, declared validators. */
export function isValidationCall(call: Node, config: ScanConfig): boolean {
  if (!Node.isCallExpression(call)) return false;
  const callee = call.getExpression();
  const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
  if (config.sanitizers.includes(name) || config.validators.includes(name)) return true;
  const ref = refOf(callee);
  return ref?.module === 'ajv' || ref?.module === 'zod' || ref?.module === 'joi' || ref?.module === 'yup' || VALIDATE_NAME.test(name);
}
