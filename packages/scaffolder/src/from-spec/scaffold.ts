import { stat } from 'node:fs/promises';
import path from 'node:path';
import { GenerationCache } from '../cache/generation-cache.js';
import { authFile } from './emit/auth-file.js';
import { GENERATED_HEADER } from './emit/header.js';
import { emitOperationsFile } from './emit/operations-file.js';
import { emitRouteTableFile } from './emit/route-table-file.js';
import { RUNTIME_SOURCE } from './emit/runtime/runtime-source.js';
import { emitTypesFile } from './emit/types-file.js';
import { emitValidators } from './emit/validators.js';
import { planHandlers } from './handlers/plan.js';
import { TARGETS } from './targets/plugins.js';
import { writeOutput, type PlannedFile } from '../write/atomic-write.js';
import { runDoctor } from './doctor/doctor.js';
import { ScaffoldError } from '../errors.js';
import { buildModel } from './model/build.js';
import type { ScaffoldOptions } from '../options.js';
import { FRAMEWORKS } from '../options.js';
import type { ScaffoldResult, ScaffoldWarning } from '../result.js';
import { loadSpec } from '../openapi/load.js';
import { InvalidSpecError } from '../openapi/spec-problem.js';
import { validateSpec } from '../openapi/validate.js';
import { detectVersion } from '../openapi/version.js';

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ScaffoldError('SCAFFOLD_ABORTED', 'scaffold was aborted; nothing was written');
}

/**
 * Generates typed routes, precompiled validators, types and handler stubs for one framework from an
 * OpenAPI 3.0/3.1 description.
 *
 * Output layout under `output` (`*.gen.ts` are rewritten on every run, the rest are yours):
 * - `types.gen.ts` — one type per schema; `operations.gen.ts` — per operation `<Op>Input` / `<Op>Result`;
 * - `validators/<group>.{params,bodies}.gen.js` — standalone ajv validators compiled at generation time, one pair
 *   per handler group, re-exported by `validators/params.gen.js` / `bodies.gen.js` (+ `.d.ts`) (plain JS: a `tsc`
 *   build needs `allowJs`, or copy them next to the output);
 * - `.sb/scaffold-cache.json` — compiled validators and handler-file scans of this run, so the next run only
 *   recompiles what changed (see {@link ScaffoldOptions.noCache});
 * - `runtime.gen.ts` — request id, error envelope, coercion, security; `routes.gen.ts`, `app.gen.ts` — the framework wiring;
 * - `handlers/<group>.ts` — one `async function <name>(input, ctx)` per operation, created once, never overwritten
 *   (see {@link HandlerRef} for naming); `auth.ts` — your `authenticate` hook; `server.ts` — a runnable entry.
 *
 * Invalid input throws {@link InvalidSpecError} listing every problem, before anything is written.
 *
 * @example
 * ```ts
 * import { scaffold } from '@sb/scaffolder';
 * const result = await scaffold({ spec: 'openapi.yaml', framework: 'fastify', output: 'src/routes' });
 * console.log(`${result.handlers.created.length} new handlers, ${result.warnings.length} warnings`);
 * ```
 */
export async function scaffold(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const started = performance.now();
  if (!FRAMEWORKS.includes(options.framework)) {
    throw new ScaffoldError('SCAFFOLD_INVALID_OPTION', `framework must be one of ${FRAMEWORKS.join(', ')} (got ${JSON.stringify(options.framework)})`);
  }
  if (typeof options.output !== 'string' || options.output.trim() === '') {
    throw new ScaffoldError('SCAFFOLD_INVALID_OPTION', 'output must be a folder path');
  }
  const output = path.resolve(options.output);
  const progress = options.onProgress ?? (() => undefined);
  progress({ phase: 'load', message: 'reading the spec' });
  const loaded = await loadSpec(options.spec);
  checkAborted(options.signal);
  const version = detectVersion(loaded.doc, loaded.locate);
  const problems = validateSpec(loaded.doc, version, loaded.locate);
  if (problems.length > 0) {
    problems.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
    throw new InvalidSpecError('SCAFFOLD_INVALID_SPEC', problems);
  }
  progress({ phase: 'doctor', message: 'normalising spec quirks' });
  const doctor = runDoctor(loaded.doc, version);
  const warnings: ScaffoldWarning[] = [...doctor.warnings];
  progress({ phase: 'model', message: 'building the model' });
  const model = buildModel(loaded.doc, version, doctor.formats, warnings);
  checkAborted(options.signal);
  progress({ phase: 'emit', message: `generating ${options.framework} code for ${model.operations.length} operations` });
  const target = TARGETS[options.framework];
  const cache = await GenerationCache.load(options.noCache === true ? undefined : output);
  const validators = emitValidators(model, warnings, cache);
  const files: PlannedFile[] = [
    { path: 'types.gen.ts', content: emitTypesFile(model), kind: 'generated' },
    ...validators.files.map((f) => ({ ...f, kind: 'generated' as const })),
    { path: 'runtime.gen.ts', content: `${GENERATED_HEADER}\n${RUNTIME_SOURCE}`, kind: 'generated' },
    { path: 'route-table.gen.ts', content: emitRouteTableFile(model, validators), kind: 'generated' },
    { path: 'routes.gen.ts', content: target.routesFile(model, warnings), kind: 'generated' },
    { path: 'app.gen.ts', content: target.appFile(), kind: 'generated' },
  ];
  checkAborted(options.signal);
  progress({ phase: 'handlers', message: 'planning handler files' });
  const handlers = await planHandlers(model, output, cache);
  files.splice(1, 0, { path: 'operations.gen.ts', content: emitOperationsFile(model, handlers.opTypes), kind: 'generated' });
  files.push(...handlers.files);
  for (const [rel, content] of [['auth.ts', authFile()], ['server.ts', target.serverFile()]] as const) {
    if (!(await exists(path.join(output, rel)))) files.push({ path: rel, content, kind: 'user', status: 'created' });
  }
  checkAborted(options.signal);
  progress({ phase: 'write', message: options.dryRun ? 'comparing with the output folder' : `writing ${files.length} files` });
  const written = await writeOutput(output, files, options.dryRun === true, options.signal);
  if (options.dryRun !== true) await cache.save(output);
  return {
    framework: options.framework,
    output,
    specVersion: version,
    operations: model.operations.length,
    schemas: model.schemas.length,
    files: written,
    handlers: handlers.handlers,
    warnings,
    durationMs: Math.round(performance.now() - started),
  };
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}
