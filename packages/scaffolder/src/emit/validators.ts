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

/**
 * Two standalone modules (coercing, for parameters and form bodies; exact, for JSON bodies) and who uses what.
 * Each is plain JavaScript with a `.d.ts` beside it: megabytes of generated validator code never need type
 * checking, and `tsc` then reads only the declarations.
 */
export interface EmittedValidators {
  readonly paramsModule: string;
  readonly paramsTypes: string;
  readonly bodiesModule: string;
  readonly bodiesTypes: string;
  readonly byOperation: ReadonlyMap<OperationModel, OperationValidators>;
}

type AjvInstance = import('ajv').default;

/** Formats OpenAPI defines that JSON Schema validators do not check: accepted as annotations, without a warning. */
const OPENAPI_FORMATS = new Set(['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']);

/** OpenAPI 3.1 schemas are JSON Schema 2020-12; 3.0 schemas are closest to draft-07 (and its validators are leaner). */
function newAjv(version: ApiModel['version'], coerce: boolean, formats: ReadonlyMap<string, string>, warnings?: ScaffoldWarning[]): AjvInstance {
  const AjvClass = (require(version === '3.1' ? 'ajv/dist/2020' : 'ajv') as { default: new (o: Options) => AjvInstance }).default;
  const addFormats = (require('ajv-formats') as { default: (a: AjvInstance) => void }).default;
  const ajv = new AjvClass({
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
  const coercing = newAjv(model.version, true, model.formats, warnings);
  const exact = newAjv(model.version, false, model.formats);
  const byRef = new Map(model.schemas.map((s) => [s.ref, s]));
  for (const s of model.schemas) {
    // Both variants are registered; ajv only compiles what a validator reaches.
    for (const mode of ['plain', 'request'] as const) {
      const copy = forValidator(s.schema, byRef, mode) as Json;
      coercing.addSchema(copy, schemaId(s.index, mode));
      exact.addSchema(copy, schemaId(s.index, mode));
    }
  }
  const paramsExports: Record<string, string> = {};
  const bodiesExports: Record<string, string> = {};
  const byOperation = new Map<OperationModel, OperationValidators>();
  // Identical schemas (GitHub repeats `{owner, repo}` hundreds of times) compile once and share an export.
  const seen = new Map<string, string | null>();
  const compile = (ajv: AjvInstance, exportsMap: Record<string, string>, name: string, schema: unknown, pointer: string): string | undefined => {
    const key = `${ajv === coercing ? 'c' : 'e'}${JSON.stringify(schema)}`;
    const prior = seen.get(key);
    if (prior !== undefined) return prior ?? undefined;
    const id = `https://schemas.sb/v/${name}.json`;
    try {
      ajv.addSchema({ ...(isObject(schema) ? schema : {}), $id: id });
      ajv.getSchema(id);
      exportsMap[name] = id;
      seen.set(key, name);
      return name;
    } catch (err) {
      ajv.removeSchema(id);
      seen.set(key, null);
      warnings.push({ code: 'validator-skipped', pointer, message: `ajv cannot compile this schema (${err instanceof Error ? err.message : String(err)}); not validated` });
      return undefined;
    }
  };
  model.operations.forEach((op, i) => {
    const params: Partial<Record<ParamIn, string>> = {};
    for (const where of ['path', 'query', 'header', 'cookie'] as const) {
      const schema = paramsSchema(op, where, byRef);
      const name = schema ? compile(coercing, paramsExports, `p${i}_${where}`, schema, `${op.pointer}/parameters`) : undefined;
      if (name) params[where] = name;
    }
    const body = (op.body?.media ?? []).map((m, j) => {
      if (!m.schema || (m.kind !== 'json' && m.kind !== 'form')) return undefined;
      const name = `b${i}_${j}`;
      const schema = forValidator(m.schema, byRef, 'request');
      const pointer = `${op.pointer}/requestBody`;
      const compiled = m.kind === 'form' ? compile(coercing, paramsExports, name, schema, pointer) : compile(exact, bodiesExports, name, schema, pointer);
      return compiled ? { module: m.kind === 'form' ? ('params' as const) : ('bodies' as const), name: compiled } : undefined;
    });
    byOperation.set(op, { params, body });
  });
  return {
    paramsModule: standalone(coercing, paramsExports),
    paramsTypes: declarations(paramsExports),
    bodiesModule: standalone(exact, bodiesExports),
    bodiesTypes: declarations(bodiesExports),
    byOperation,
  };
}

function declarations(exportsMap: Record<string, string>): string {
  const names = Object.keys(exportsMap);
  return [
    '// Generated by sb scaffold: declarations of the standalone validators beside this file. Do not edit.',
    "import type { Validator } from '../runtime.gen.js';",
    ...names.map((n) => `export declare const ${n}: Validator;`),
    ...(names.length === 0 ? ['export {};'] : []),
    '',
  ].join('\n');
}

function standalone(ajv: AjvInstance, exportsMap: Record<string, string>): string {
  const standaloneCode = (require('ajv/dist/standalone') as { default: (a: AjvInstance, refs: Record<string, string>) => string }).default;
  const code = Object.keys(exportsMap).length === 0 ? 'export {};' : standaloneCode(ajv, exportsMap);
  // ajv's ESM output still require()s its runtime helpers (ucs2length, formats): give it a require.
  const body = code.replace(/^"use strict";/, '');
  const prelude = body.includes('require(') ? ["import { createRequire } from 'node:module';", 'const require = createRequire(import.meta.url);'] : [];
  return ['/* eslint-disable */', '// Generated by sb scaffold: ajv standalone validators, compiled at generation time. Do not edit.', ...prelude, body, ''].join('\n');
}
