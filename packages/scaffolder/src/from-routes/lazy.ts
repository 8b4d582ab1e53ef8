import type { RunControl } from '@sb/errors';
import type { SpecFromRoutesOptions, SpecFromRoutesResult } from './options.js';

/**
 * Reads Express, Fastify and Koa route code with ts-morph and describes it as an OpenAPI 3.1 document:
 * paths (mount prefixes applied, `:id` → `{id}`), methods, operation ids (handler names), parameters, request
 * bodies and responses inferred from TypeScript types, zod schemas, Fastify JSON schemas and
 * `res.status(n).json(x)`-style call sites. What cannot be inferred is listed per route, never invented.
 * With `output`, also writes the document (YAML, or JSON for `.json`).
 *
 * ts-morph (and the TypeScript compiler inside it) is loaded on the first call, not when the package is
 * imported, so `scaffold()` users do not pay for it.
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
  const { specFromRoutes: run } = await import('./spec-from-routes.js');
  return run(options, control);
}
