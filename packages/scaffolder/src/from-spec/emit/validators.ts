import { createRequire } from 'node:module';
import type { Options } from 'ajv';
import { hashOf, type CachedChunk, type GenerationCache } from '../../cache/generation-cache.js';
import type { ApiModel, NamedSchema, OperationModel, ParamIn } from '../model/model.js';
import type { ScaffoldWarning } from '../../result.js';
import { isObject, type Json } from '@sb/openapi';
import { str } from './literal.js';
import { forValidator, schemaId } from './schema-ids.js';

const require = createRequire(import.meta.url);

/** Export names of one operation's validators in the generated modules. */
export interface OperationValidators {
  /** `params.gen.js` export per parameter location. */
  readonly params: Partial<Record<ParamIn, string>>;
  /** Per body media index: `[module, export]`; json bodies are not coerced, form bodies are. */
  readonly body: readonly ({ readonly module: 'params' | 'bodies'; readonly name: string } | undefined)[];
}

/**
 * Standalone validator modules, one pair per handler group (coercing, for parameters and form bodies; exact, for
 * JSON bodies), re-exported by `validators/params.gen.js` and `validators/bodies.gen.js`. Each is plain
 * JavaScript; the two barrels have a `.d.ts` beside them, so `tsc` never reads megabytes of validator code.
 * Per-group modules keep regeneration cheap: a chunk whose inputs did not change comes from the cache.
 */
export interface EmittedValidators {
  /** Every file under `validators/`: path relative to the output folder, and content. */
  readonly files: readonly { readonly path: string; readonly content: string }[];
  readonly byOperation: ReadonlyMap<OperationModel, OperationValidators>;
}

type AjvInstance = import('ajv').default;
type Mode = 'params' | 'bodies';

/** Bumped whenever the ajv options or the emitted code change, so cached validators of an older generator are recompiled. */
const CODEGEN_REVISION = 'own-properties';

/** Formats OpenAPI defines that JSON Schema validators do not check: accepted as annotations, without a warning. */
const OPENAPI_FORMATS = new Set(['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']);

/** OpenAPI 3.1 schemas are JSON Schema 2020-12; 3.0 schemas are closest to draft-07 (and its validators are leaner). */
function newAjv(model: ApiModel, coerce: boolean): AjvInstance {
  const AjvClass = (require(model.version === '3.1' ? 'ajv/dist/2020' : 'ajv') as { default: new (o: Options) => AjvInstance }).default;
  const addFormats = (require('ajv-formats') as { default: (a: AjvInstance) => void }).default;
  const ajv = new AjvClass({
    code: { source: true, esm: true, lines: false },
    allErrors: true,
    // Only the body's own keys count: an absent optional `constructor` must not be read from Object.prototype.
    ownProperties: true,
    strict: false,
    logger: false,
    validateSchema: false,
    coerceTypes: coerce ? 'array' : false,
  });
  addFormats(ajv);
  for (const f of model.formats.keys()) if (!ajv.formats[f]) ajv.addFormat(f, true);
  const byRef = new Map(model.schemas.map((s) => [s.ref, s]));
  // Both variants are registered; ajv only compiles what a validator reaches.
  for (const s of model.schemas) for (const m of ['plain', 'request'] as const) ajv.addSchema(forValidator(s.schema, byRef, m) as Json, schemaId(s.index, m));
  return ajv;
}

function formatWarnings(model: ApiModel, warnings: ScaffoldWarning[]): void {
  const known = new Set(Object.keys((require('ajv-formats/dist/formats') as { fullFormats: object }).fullFormats));
  for (const [f, pointer] of model.formats) {
    if (!known.has(f) && !OPENAPI_FORMATS.has(f)) warnings.push({ code: 'unknown-format', pointer, message: `format ${JSON.stringify(f)} is not known to ajv-formats; not validated` });
  }
}

/** A location's parameters as one object schema. */
function paramsSchema(op: OperationModel, where: ParamIn, byRef: ReadonlyMap<string, NamedSchema>): Json | undefined {
  const params = op.params.filter((p) => p.in === where);
  if (params.length === 0) return undefined;
  const properties: Json = {};
  for (const p of params) Object.defineProperty(properties, p.name, { value: forValidator(p.schema, byRef), enumerable: true, writable: true, configurable: true });
  return { type: 'object', properties, required: params.filter((p) => p.required).map((p) => p.name) };
}

interface Entry {
  readonly name: string;
  readonly schema: unknown;
  readonly pointer: string;
}

/** One group's validators of one mode; identical schemas (GitHub repeats `{owner, repo}` often) share an export. */
class Chunk {
  readonly entries: Entry[] = [];
  readonly #byKey = new Map<string, string>();
  add(name: string, schema: unknown, pointer: string): string {
    const key = JSON.stringify(schema);
    const prior = this.#byKey.get(key);
    if (prior !== undefined) return prior;
    this.#byKey.set(key, name);
    this.entries.push({ name, schema, pointer });
    return name;
  }
}

function compileChunk(ajv: AjvInstance, entries: readonly Entry[]): CachedChunk {
  const compiled: Record<string, string> = {};
  const skipped: Record<string, string> = {};
  for (const e of entries) {
    const id = `https://schemas.sb/v/${e.name}.json`;
    try {
      ajv.addSchema({ ...(isObject(e.schema) ? e.schema : {}), $id: id });
      ajv.getSchema(id);
      compiled[e.name] = id;
    } catch (err) {
      ajv.removeSchema(id);
      skipped[e.name] = err instanceof Error ? err.message : String(err);
    }
  }
  const code = standalone(ajv, compiled);
  for (const id of Object.values(compiled)) ajv.removeSchema(id);
  return { code, compiled: Object.keys(compiled), skipped };
}

/**
 * Compiles every validator with ajv AT GENERATION TIME and returns their standalone source. A schema ajv
 * cannot compile becomes a warning and an unvalidated location, never a crash. Chunks found in `cache`
 * (same ajv, spec version, formats, component schemas and validator schemas) are not compiled again.
 */
export function emitValidators(model: ApiModel, warnings: ScaffoldWarning[], cache: GenerationCache): EmittedValidators {
  formatWarnings(model, warnings);
  const byRef = new Map(model.schemas.map((s) => [s.ref, s]));
  const chunks = new Map<string, Record<Mode, Chunk>>();
  const planned = new Map<OperationModel, { params: [ParamIn, Mode, string][]; body: ({ module: Mode; name: string } | undefined)[] }>();
  for (const op of model.operations) {
    let c = chunks.get(op.group);
    if (!c) chunks.set(op.group, (c = { params: new Chunk(), bodies: new Chunk() }));
    const params: [ParamIn, Mode, string][] = [];
    for (const where of ['path', 'query', 'header', 'cookie'] as const) {
      const schema = paramsSchema(op, where, byRef);
      if (schema) params.push([where, 'params', c.params.add(`${op.name}$${where}`, schema, `${op.pointer}/parameters`)]);
    }
    const body = (op.body?.media ?? []).map((m, j) => {
      if (!m.schema || (m.kind !== 'json' && m.kind !== 'form')) return undefined;
      const module: Mode = m.kind === 'form' ? 'params' : 'bodies';
      return { module, name: c[module].add(`${op.name}$b${j}`, forValidator(m.schema, byRef, 'request'), `${op.pointer}/requestBody`) };
    });
    planned.set(op, { params, body });
  }
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  const base = hashOf(ajvVersion, CODEGEN_REVISION, model.version, JSON.stringify([...model.formats.keys()].sort()), JSON.stringify(model.schemas.map((s) => [s.ref, s.index, s.schema])));
  const ajvs: Partial<Record<Mode, AjvInstance>> = {};
  const ok: Record<Mode, Set<string>> = { params: new Set(), bodies: new Set() };
  const files: { path: string; content: string }[] = [];
  const barrels: Record<Mode, string[]> = { params: [], bodies: [] };
  for (const [group, c] of chunks) {
    for (const mode of ['params', 'bodies'] as const) {
      const entries = c[mode].entries;
      if (entries.length === 0) continue;
      const key = hashOf(base, mode, JSON.stringify(entries.map((e) => [e.name, e.schema])));
      const chunk = cache.chunk(key, () => compileChunk((ajvs[mode] ??= newAjv(model, mode === 'params')), entries));
      for (const e of entries) {
        const reason = chunk.skipped[e.name];
        if (reason !== undefined) warnings.push({ code: 'validator-skipped', pointer: e.pointer, message: `ajv cannot compile this schema (${reason}); not validated` });
      }
      if (chunk.compiled.length === 0) continue;
      for (const n of chunk.compiled) ok[mode].add(n);
      const file = `${group}.${mode}.gen.js`;
      files.push({ path: `validators/${file}`, content: chunk.code });
      barrels[mode].push(file);
    }
  }
  for (const mode of ['params', 'bodies'] as const) {
    files.push({ path: `validators/${mode}.gen.js`, content: barrel(barrels[mode]) });
    files.push({ path: `validators/${mode}.gen.d.ts`, content: declarations([...ok[mode]]) });
  }
  const byOperation = new Map<OperationModel, OperationValidators>();
  for (const [op, p] of planned) {
    const params: Partial<Record<ParamIn, string>> = {};
    for (const [where, mode, name] of p.params) if (ok[mode].has(name)) params[where] = name;
    byOperation.set(op, { params, body: p.body.map((b) => (b && ok[b.module].has(b.name) ? b : undefined)) });
  }
  return { files, byOperation };
}

function barrel(files: readonly string[]): string {
  return [
    '// Generated by sb scaffold: the standalone validators of every handler group. Do not edit.',
    ...files.map((f) => `export * from ${str(`./${f}`)};`),
    ...(files.length === 0 ? ['export {};'] : []),
    '',
  ].join('\n');
}

function declarations(names: readonly string[]): string {
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
