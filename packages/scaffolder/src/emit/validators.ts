import { createRequire } from 'node:module';
import type { Options } from 'ajv';
import type { ApiModel, NamedSchema, OperationModel, ParamIn } from '../model/model.js';
import type { ScaffoldWarning } from '../result.js';
import { isObject, type Json } from '../spec/resolve.js';
import { forValidator, schemaId } from './schema-ids.js';

const require = createRequire(import.meta.url);

/** Export names of one operation's validators in the generated modules. */
export interface OperationValidators {
  /** `params.gen.ts` export per parameter location. */
  readonly params: Partial<Record<ParamIn, string>>;
  /** Per body media index: `[module, export]`; json bodies are not coerced, form bodies are. */
  readonly body: readonly ({ readonly module: 'params' | 'bodies'; readonly name: string } | undefined)[];
}

/** Two standalone modules (coercing, for parameters and form bodies; exact, for JSON bodies) and who uses what. */
export interface EmittedValidators {
  readonly paramsModule: string;
  readonly bodiesModule: string;
  readonly byOperation: ReadonlyMap<OperationModel, OperationValidators>;
}

type AjvInstance = import('ajv').default;

/** Formats OpenAPI defines that JSON Schema validators do not check: accepted as annotations, without a warning. */
const OPENAPI_FORMATS = new Set(['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']);

function newAjv(coerce: boolean, formats: ReadonlyMap<string, string>, warnings?: ScaffoldWarning[]): AjvInstance {
  const Ajv2020 = (require('ajv/dist/2020') as { default: new (o: Options) => AjvInstance }).default;
  const addFormats = (require('ajv-formats') as { default: (a: AjvInstance) => void }).default;
  const ajv = new Ajv2020({
    code: { source: true, esm: true, lines: false },
    allErrors: true,
    strict: false,
    logger: false,
    validateSchema: false,
    coerceTypes: coerce ? 'array' : false,
  });
  addFormats(ajv);
  for (const [f, pointer] of formats) {
    if (ajv.formats[f]) continue;
    ajv.addFormat(f, true);
    if (!OPENAPI_FORMATS.has(f)) warnings?.push({ code: 'unknown-format', pointer, message: `format ${JSON.stringify(f)} is not known to ajv-formats; not validated` });
  }
  return ajv;
}

/** A location's parameters as one object schema. */
function paramsSchema(op: OperationModel, where: ParamIn, byRef: ReadonlyMap<string, NamedSchema>): Json | undefined {
  const params = op.params.filter((p) => p.in === where);
  if (params.length === 0) return undefined;
  const properties: Json = {};
  for (const p of params) Object.defineProperty(properties, p.name, { value: forValidator(p.schema, byRef), enumerable: true, writable: true, configurable: true });
  return { type: 'object', properties, required: params.filter((p) => p.required).map((p) => p.name) };
}

/**
 * Compiles every validator with ajv AT GENERATION TIME and returns their standalone source. A schema ajv
 * cannot compile becomes a warning and an unvalidated location, never a crash.
 */
export function emitValidators(model: ApiModel, warnings: ScaffoldWarning[]): EmittedValidators {
  const coercing = newAjv(true, model.formats, warnings);
  const exact = newAjv(false, model.formats);
  const byRef = new Map(model.schemas.map((s) => [s.ref, s]));
  for (const s of model.schemas) {
    const copy = forValidator(s.schema, byRef) as Json;
    coercing.addSchema(copy, schemaId(s.index));
    exact.addSchema(structuredClone(copy), schemaId(s.index));
  }
  const paramsExports: Record<string, string> = {};
  const bodiesExports: Record<string, string> = {};
  const byOperation = new Map<OperationModel, OperationValidators>();
  const compile = (ajv: AjvInstance, exportsMap: Record<string, string>, name: string, schema: unknown, pointer: string): boolean => {
    const id = `https://schemas.sb/v/${name}.json`;
    try {
      ajv.addSchema({ ...(isObject(schema) ? schema : {}), $id: id });
      ajv.getSchema(id);
      exportsMap[name] = id;
      return true;
    } catch (err) {
      ajv.removeSchema(id);
      warnings.push({ code: 'validator-skipped', pointer, message: `ajv cannot compile this schema (${err instanceof Error ? err.message : String(err)}); not validated` });
      return false;
    }
  };
  model.operations.forEach((op, i) => {
    const params: Partial<Record<ParamIn, string>> = {};
    for (const where of ['path', 'query', 'header', 'cookie'] as const) {
      const schema = paramsSchema(op, where, byRef);
      if (schema && compile(coercing, paramsExports, `p${i}_${where}`, schema, `${op.pointer}/parameters`)) params[where] = `p${i}_${where}`;
    }
    const body = (op.body?.media ?? []).map((m, j) => {
      if (!m.schema || (m.kind !== 'json' && m.kind !== 'form')) return undefined;
      const name = `b${i}_${j}`;
      const schema = forValidator(m.schema, byRef);
      const pointer = `${op.pointer}/requestBody`;
      if (m.kind === 'form') return compile(coercing, paramsExports, name, schema, pointer) ? { module: 'params' as const, name } : undefined;
      return compile(exact, bodiesExports, name, schema, pointer) ? { module: 'bodies' as const, name } : undefined;
    });
    byOperation.set(op, { params, body });
  });
  return { paramsModule: standalone(coercing, paramsExports), bodiesModule: standalone(exact, bodiesExports), byOperation };
}

function standalone(ajv: AjvInstance, exportsMap: Record<string, string>): string {
  const standaloneCode = (require('ajv/dist/standalone') as { default: (a: AjvInstance, refs: Record<string, string>) => string }).default;
  const code = Object.keys(exportsMap).length === 0 ? 'export {};' : standaloneCode(ajv, exportsMap);
  // ajv's ESM output still require()s its runtime helpers (ucs2length, formats): give it a require.
  const body = code.replace(/^"use strict";/, '');
  const prelude = body.includes('require(') ? ["import { createRequire } from 'node:module';", 'const require = createRequire(import.meta.url);'] : [];
  return ['// @ts-nocheck', '/* eslint-disable */', '// Generated by sb scaffold: ajv standalone validators, compiled at generation time. Do not edit.', ...prelude, body, ''].join('\n');
}
