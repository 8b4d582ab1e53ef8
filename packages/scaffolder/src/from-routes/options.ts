import type { OpenAPIObject } from 'openapi3-ts/oas31';

/** The frameworks whose route code {@link specFromRoutes} reads. */
export type RouteFramework = 'express' | 'fastify' | 'koa';

/**
 * Options of {@link specFromRoutes}.
 *
 * @example
 * ```ts
 * const { document, routes } = await specFromRoutes({ input: 'src/routes', title: 'Pets' });
 * for (const r of routes) if (r.notInferred.length) console.log(r.method, r.path, r.notInferred);
 * ```
 */
export interface SpecFromRoutesOptions {
  /** A folder (read recursively) or a file or a list of them: `.ts`, `.mts`, `.js`, `.mjs`. */
  readonly input: string | readonly string[];
  /** `info.title`; default: `name` of the nearest package.json, else `API`. */
  readonly title?: string;
  /** `info.version`; default: `version` of the nearest package.json, else `0.0.0`. */
  readonly version?: string;
  /** A tsconfig.json to resolve types with; default: the nearest one above the input, if any. */
  readonly tsconfig?: string;
  /** Also write the document here: JSON for `.json`, else YAML. Written atomically. */
  readonly output?: string;
  /**
   * Infer again even when nothing changed. By default the result is kept in `node_modules/.cache/sb/` of the
   * project, keyed by the content hash of every file read (inputs, the local files they import, the contract of
   * a generated route table, tsconfig, lockfile), and reused while none of them changes.
   */
  readonly noCache?: boolean;
}

/** What the spec says about one route, and what could not be inferred from the code. */
export interface RouteReport {
  readonly method: string;
  /** The OpenAPI path, e.g. `/pets/{petId}`. */
  readonly path: string;
  readonly operationId: string | undefined;
  readonly framework: RouteFramework;
  /** `file:line` of the registration, relative to the current directory. */
  readonly source: string;
  /** Where each part came from, e.g. `body: zod`, `responses: res.status().json()`. */
  readonly inferredFrom: readonly string[];
  /** Parts that could not be inferred and were left out of the spec (never invented). */
  readonly notInferred: readonly string[];
}

/** A non-fatal finding, e.g. a route file whose handler could not be resolved. */
export interface SpecWarning {
  readonly code: string;
  readonly message: string;
  /** `file:line`, when the warning is about code. */
  readonly source?: string;
}

/** What {@link specFromRoutes} produced. */
export interface SpecFromRoutesResult {
  /** The OpenAPI 3.1 document. */
  readonly document: OpenAPIObject;
  readonly routes: readonly RouteReport[];
  readonly warnings: readonly SpecWarning[];
  /** Files read. */
  readonly files: number;
  readonly durationMs: number;
  /** True when the result came from the cache (nothing that was read changed since the run that made it). */
  readonly cached?: boolean;
}
