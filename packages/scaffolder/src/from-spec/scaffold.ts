import { stat } from 'node:fs/promises';
import type { RunControl } from '@sb/errors';
import path from 'node:path';
import { GenerationCache } from '../cache/generation-cache.js';
import { CONTRACT_FILE, emitContractFile } from './emit/contract-file.js';
import { GENERATED_HEADER } from './emit/header.js';
import { emitOperationsFile } from './emit/operations-file.js';
import { emitRouteTableFile } from './emit/route-table-file.js';
import { emitTypesFile } from './emit/types-file.js';
import { emitValidators } from './emit/validators.js';
import { planHandlers } from './handlers/plan.js';
import { TARGETS } from './targets/plugins.js';
import { entryFile, targetFiles } from './targets/target-files.js';
import { readTemplate } from '../templates/read-template.js';
import { writeOutput, type PlannedFile } from '../write/atomic-write.js';
import type { OperationModel } from './model/model.js';
import { findProjectPlace } from './project/find-project.js';
import { restProject } from './project/rest-project.js';
import { missingProjectFiles, projectFiles } from '../project/project-files.js';
import type { KnownDependency } from '../project/versions.js';
import { runDoctor } from './doctor/doctor.js';
import { checkAborted } from '../abort.js';
import { ScaffoldError } from '../errors.js';
import { buildModel } from './model/build.js';
import type { ScaffoldOptions } from '../options.js';
import { FRAMEWORKS } from '../options.js';
import type { ScaffoldResult, ScaffoldWarning } from '../result.js';
import { loadSpec } from '../openapi/load.js';
import { InvalidSpecError } from '../openapi/spec-problem.js';
import { validateSpec } from '../openapi/validate.js';

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
 * - `openapi.gen.json` — the description the code implements (after the spec doctor): what
 *   `sb spec` gives back for the routes registered from `route-table.gen.ts`;
 * - `runtime.gen.ts` — request id, error envelope, coercion, security; `routes.gen.ts`, `app.gen.ts` — the framework wiring;
 * - `handlers/<group>.ts` — one `async function <name>(input, ctx)` per operation, created once, never overwritten
 *   (see {@link HandlerRef} for naming); `auth.ts` — your `authenticate` hook; `server.ts` — a runnable entry.
 *
 * Invalid input throws {@link InvalidSpecError} listing every problem, before anything is written.
 *
 * `control.onProgress` is called at each stage (`phase`: `load`, `doctor`, `model`, `emit`, `handlers`, `write`);
 * aborting `control.signal` rejects with `SCAFFOLD_ABORTED` at the next stage, and nothing is written.
 *
 * @example
 * ```ts
 * import { scaffold } from '@sb/scaffolder';
 * const result = await scaffold({ spec: 'openapi.yaml', framework: 'fastify', output: 'src/routes' }, { onProgress: (p) => console.error(p.message) });
 * console.log(`${result.handlers.created.length} new handlers, ${result.warnings.length} warnings`);
 * ```
 */
export async function scaffold(options: ScaffoldOptions, control: RunControl = {}): Promise<ScaffoldResult> {
  return scaffoldWith(options, {}, control);
}

/**
 * What another pipeline (`--from-db`) plugs into {@link scaffold}, so each file is planned once and written once
 * in the same atomic step. Internal: not exported from the package.
 */
export interface ScaffoldHooks {
  /** The content of a new handler file for `group` instead of stubs (`undefined`: stubs). Existing files are never replaced. */
  readonly handlerFile?: (group: string, ops: readonly OperationModel[]) => string | undefined;
  /** More files under `output`, written in the same step; `user` files only when missing. */
  readonly files?: readonly PlannedFile[];
  /** More dependencies of a generated project. */
  readonly dependencies?: readonly KnownDependency[];
}

/** {@link scaffold} with {@link ScaffoldHooks}. */
export async function scaffoldWith(options: ScaffoldOptions, hooks: ScaffoldHooks, control: RunControl = {}): Promise<ScaffoldResult> {
  const started = performance.now();
  if (!FRAMEWORKS.includes(options.framework)) {
    throw new ScaffoldError('SCAFFOLD_INVALID_OPTION', `framework must be one of ${FRAMEWORKS.join(', ')} (got ${JSON.stringify(options.framework)})`);
  }
  if (typeof options.output !== 'string' || options.output.trim() === '') {
    throw new ScaffoldError('SCAFFOLD_INVALID_OPTION', 'output must be a folder path');
  }
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const output = path.resolve(cwd, options.output);
  const spec = typeof options.spec === 'string' ? path.resolve(cwd, options.spec) : options.spec;
  const progress = control.onProgress ?? (() => undefined);
  progress({ phase: 'load', message: 'reading the spec' });
  const loaded = await loadSpec(spec, typeof options.spec === 'string' ? options.spec : undefined);
  checkAborted(control.signal, 'scaffold');
  const version = loaded.version;
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
  checkAborted(control.signal, 'scaffold');
  progress({ phase: 'emit', message: `generating ${options.framework} code for ${model.operations.length} operations` });
  const target = TARGETS[options.framework];
  const cache = await GenerationCache.load(options.noCache === true ? undefined : output);
  const validators = emitValidators(model, warnings, cache);
  const wiring = await targetFiles(target, model, warnings);
  const files: PlannedFile[] = [
    { path: 'types.gen.ts', content: emitTypesFile(model), kind: 'generated' },
    ...validators.files.map((f) => ({ ...f, kind: 'generated' as const })),
    { path: 'runtime.gen.ts', content: `${GENERATED_HEADER}\n${await readTemplate('rest/runtime.gen.ts')}`, kind: 'generated' },
    { path: 'route-table.gen.ts', content: emitRouteTableFile(model, validators), kind: 'generated' },
    { path: CONTRACT_FILE, content: emitContractFile(loaded.doc), kind: 'generated' },
    { path: 'routes.gen.ts', content: wiring.routes, kind: 'generated' },
    { path: 'app.gen.ts', content: wiring.app, kind: 'generated' },
  ];
  checkAborted(control.signal, 'scaffold');
  progress({ phase: 'handlers', message: 'planning handler files' });
  const handlers = await planHandlers(model, output, cache, hooks.handlerFile);
  files.splice(1, 0, { path: 'operations.gen.ts', content: emitOperationsFile(model, handlers.opTypes), kind: 'generated' });
  files.push(...handlers.files);
  const place = options.project === true ? await findProjectPlace(cwd, output) : undefined;
  const root = place?.root ?? output;
  const prefix = root === output ? '' : `${path.relative(root, output).split(path.sep).join('/')}/`;
  const project = place?.root === undefined ? [] : projectFiles(await restProject({ framework: options.framework, name: path.basename(root), output: prefix.slice(0, -1) || '.', spec: specInside(root, spec), ...(hooks.dependencies ? { extraDependencies: hooks.dependencies } : {}) }));
  const entryInProject = project.some((f) => f.path === `${prefix}server.ts`);
  const own: PlannedFile[] = [['auth.ts', await readTemplate('rest/auth.ts')] as const, ...(place?.root === undefined ? [['server.ts', await entryFile(options.framework, 'server.ts')] as const] : []), ...(hooks.files ?? []).map((f) => [f.path, f.content, f.kind] as const)].map(([p, content, kind = 'user']) => ({ path: p, content, kind }));
  for (const f of own) {
    if (f.kind === 'generated') files.push(f);
    else if (!(entryInProject && f.path === 'server.ts') && !(await exists(path.join(output, f.path)))) files.push({ ...f, status: 'created' });
  }
  const fromProject = await missingProjectFiles(root, project);
  checkAborted(control.signal, 'scaffold');
  progress({ phase: 'write', message: options.dryRun ? 'comparing with the output folder' : `writing ${files.length + fromProject.length} files` });
  const all = [...files.map((f) => ({ ...f, path: prefix + f.path })), ...fromProject];
  const writtenAll = await writeOutput(root, all, options.dryRun === true, control.signal);
  const written = writtenAll.slice(0, files.length).map((f) => ({ ...f, path: f.path.slice(prefix.length) }));
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
    ...(place ? { project: place.root === undefined ? { reason: place.reason === 'has-package-json' ? `${place.at}/package.json exists` : 'the output folder is outside the current folder' } : { root, files: writtenAll.slice(files.length) } } : {}),
    durationMs: Math.round(performance.now() - started),
  };
}

/** The spec path relative to the project root, when it lies inside it. */
function specInside(root: string, spec: unknown): string | undefined {
  if (typeof spec !== 'string') return undefined;
  const rel = path.relative(root, spec);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}
