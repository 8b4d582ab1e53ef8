import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RunControl } from '@sb/errors';
import { checkAborted, yieldAndCheck } from '../abort.js';
import { ScaffoldError } from '../errors.js';
import { isObject } from '@sb/openapi';
import { readSpecCache, specCacheKey, writeSpecCache } from './cache/spec-cache.js';
import { ContractReader } from './contract/contract-reader.js';
import { buildDocument, type DocumentOperation } from './document/build-document.js';
import { writeSpecFile } from './document/serialize.js';
import { MountGraph, toOpenApiPath } from './discover/mount-graph.js';
import { scanRegistrations } from './discover/registrations.js';
import { withBindings } from './discover/resolve.js';
import { inferOperation } from './infer/infer-route.js';
import { findRouteFiles } from './load/find-files.js';
import { loadProject } from './load/load-project.js';
import type { RouteReport, SpecFromRoutesOptions, SpecFromRoutesResult, SpecWarning } from './options.js';
import { SchemaRegistry } from './schema/registry.js';
import { TypeToSchema } from './schema/type-to-schema.js';
import { ZodToSchema } from './schema/zod-to-schema.js';

/**
 * Reads Express, Fastify and Koa route code with ts-morph and describes it as an OpenAPI 3.1 document:
 * paths (mount prefixes applied, `:id` → `{id}`), methods, operation ids (handler names), parameters, request
 * bodies and responses inferred from TypeScript types, zod schemas, Fastify JSON schemas and
 * `res.status(n).json(x)`-style call sites. What cannot be inferred is listed per route, never invented.
 * With `output`, also writes the document (YAML, or JSON for `.json`).
 *
 * `control.onProgress` gets `load`, `discover`, `infer` (with `done`/`total` routes) and `document`; aborting
 * `control.signal` rejects with `SCAFFOLD_ABORTED` before the next route, and no document is written.
 *
 * @example
 * ```ts
 * const result = await specFromRoutes({ input: 'src/routes', output: 'openapi.yaml' });
 * console.log(`${result.routes.length} routes`, result.routes.filter((r) => r.notInferred.length));
 * ```
 */
export async function specFromRoutes(options: SpecFromRoutesOptions, control: RunControl = {}): Promise<SpecFromRoutesResult> {
  const started = performance.now();
  const inputs = typeof options.input === 'string' ? [options.input] : [...options.input];
  if (inputs.length === 0) throw new ScaffoldError('SCAFFOLD_INVALID_OPTION', 'input: give at least one route file or folder');
  const progress = control.onProgress ?? (() => undefined);
  progress({ phase: 'load', message: `reading ${inputs.join(', ')}` });
  const files = await findRouteFiles(inputs);
  checkAborted(control.signal, 'spec');
  const cacheKey = options.noCache === true ? undefined : specCacheKey(files, { title: options.title, version: options.version, tsconfig: options.tsconfig }, options.tsconfig);
  const cached = cacheKey && (await readSpecCache(cacheKey));
  if (cached) {
    progress({ phase: 'document', message: `nothing changed in ${cacheKey.files} files: reusing the last result` });
    if (options.output) await writeSpecFile(cached.document, options.output);
    return { ...cached, cached: true, durationMs: Math.round(performance.now() - started) };
  }
  const loaded = loadProject(files, options.tsconfig);
  const warnings: SpecWarning[] = [...loaded.warnings];

  progress({ phase: 'discover', message: `finding routes in ${loaded.files.length} files` });
  const reg = scanRegistrations(loaded.files);
  const graph = new MountGraph(reg);
  for (const call of reg.dynamic) warnings.push({ code: 'dynamic-route-path', message: 'route path or method is computed at run time; route left out', source: sourceOf(call) });

  const registry = new SchemaRegistry();
  const types = new TypeToSchema(registry);
  const zod = new ZodToSchema(registry, types);
  const contracts = new ContractReader();
  const operations: DocumentOperation[] = [];
  const routes: RouteReport[] = [];
  const allRoutes: { path: string; source: string }[] = [];
  for (const [i, route] of reg.routes.entries()) {
    await yieldAndCheck(control.signal, 'spec');
    progress({ phase: 'infer', message: `inferring ${reg.routes.length} routes`, done: i, total: reg.routes.length });
    const fw = graph.framework(route.container);
    if (!fw) continue;
    for (const prefix of graph.prefixes(route.container)) {
      const full = toOpenApiPath(joinPrefix(prefix, route.path));
      for (const m of route.methods) {
        if (m === 'all') {
          allRoutes.push({ path: full.path, source: sourceOf(route.call) });
          continue;
        }
        for (const method of [m === 'del' ? 'delete' : m]) {
          const inferred = withBindings(route.bindings, () => inferOperation(route, fw, method, full, types, zod, contracts));
          if (full.unsupported) inferred.notInferred.push(`path: ${full.unsupported}`);
          operations.push({ path: inferred.path, method, operation: inferred.operation, contract: inferred.contract });
          routes.push({
            method: method.toUpperCase(),
            path: inferred.path,
            operationId: inferred.operation.operationId,
            framework: fw,
            source: sourceOf(route.call),
            inferredFrom: inferred.inferredFrom,
            notInferred: inferred.notInferred,
          });
        }
      }
    }
  }
  const described = new Set(operations.map((o) => o.path.replace(/\{[^}]*\}/g, '{}')));
  for (const a of allRoutes) {
    if (described.has(a.path.replace(/\{[^}]*\}/g, '{}'))) continue; // a 405 catch-all beside the real routes
    warnings.push({ code: 'all-methods-route', message: `${a.path}: registered for every method; OpenAPI cannot describe that, left out`, source: a.source });
  }
  if (operations.length === 0) {
    throw new ScaffoldError('SCAFFOLD_NO_ROUTES', `no Express, Fastify or Koa routes found in ${inputs.join(', ')} (${loaded.files.length} files read)`);
  }
  warnings.push(...contracts.warnings);
  progress({ phase: 'document', message: `writing ${operations.length} operations` });
  const meta = await packageMeta(files[0]!);
  // A generated app describes itself: its contract's title and version come before package.json's.
  const info = contracts.used.length === 1 && isObject(contracts.used[0]!.doc['info']) ? contracts.used[0]!.doc['info'] : {};
  const stated = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const document = buildDocument(options.title ?? stated(info['title']) ?? meta.name ?? 'API', options.version ?? stated(info['version']) ?? meta.version ?? '0.0.0', operations, registry);
  if (options.output) {
    checkAborted(control.signal, 'spec');
    await writeSpecFile(document, options.output);
  }
  const result = { document, routes, warnings, files: loaded.files.length, durationMs: Math.round(performance.now() - started) };
  if (cacheKey) await writeSpecCache(cacheKey, result);
  return result;
}

function joinPrefix(prefix: string, p: string): string {
  if (!prefix) return p;
  if (!p || p === '/') return prefix;
  return `${prefix.replace(/\/+$/, '')}/${p.replace(/^\/+/, '')}`;
}

function sourceOf(node: { getSourceFile(): { getFilePath(): string }; getStartLineNumber(): number }): string {
  return `${path.relative(process.cwd(), node.getSourceFile().getFilePath())}:${node.getStartLineNumber()}`;
}

async function packageMeta(file: string): Promise<{ name?: string; version?: string }> {
  for (let d = path.dirname(file); ; d = path.dirname(d)) {
    const p = path.join(d, 'package.json');
    if (existsSync(p)) {
      try {
        const pkg = JSON.parse(await readFile(p, 'utf8')) as { name?: unknown; version?: unknown };
        return { name: typeof pkg.name === 'string' ? pkg.name : undefined, version: typeof pkg.version === 'string' ? pkg.version : undefined };
      } catch {
        return {};
      }
    }
    if (path.dirname(d) === d) return {};
  }
}
