import type { OpenAPIObject } from 'openapi3-ts/oas31';

/** The web frameworks `scaffold()` can generate for. */
export type Framework = 'express' | 'fastify' | 'koa';

/** Every framework `scaffold()` supports, in a stable order. */
export const FRAMEWORKS: readonly Framework[] = ['express', 'fastify', 'koa'];

/**
 * Options of {@link scaffold}.
 *
 * @example
 * ```ts
 * const result = await scaffold({ spec: 'openapi.yaml', framework: 'express', output: 'src/routes' });
 * for (const h of result.handlers.created) console.log(`implement ${h.exportName} in ${h.file}`);
 * ```
 */
export interface ScaffoldOptions {
  /**
   * The OpenAPI 3.0.x / 3.1.x description: a path to a YAML or JSON file (external `$ref`s are bundled,
   * relative to it), or an in-memory document (a plain object; only internal `#/…` `$ref`s).
   */
  readonly spec: string | OpenAPIObject | Record<string, unknown>;
  /** The framework to generate routes for. */
  readonly framework: Framework;
  /** The folder to generate into. Nothing is ever written outside it. Created when missing. */
  readonly output: string;
  /** Compute everything and report, but write nothing. */
  readonly dryRun?: boolean;
  /**
   * Ignore the cache of earlier runs in `<output>/.sb/scaffold-cache.json` (compiled validators, handler
   * scans) and compile everything again. The cache is still written. Default `false`.
   */
  readonly noCache?: boolean;
  /**
   * The folder relative `spec` and `output` paths are resolved against, and where a project is made (see
   * `project`). Default `process.cwd()`; the CLI passes the folder the user typed the command in (`INIT_CWD`
   * under `pnpm`).
   */
  readonly cwd?: string;
  /**
   * Make `cwd` a project that runs when neither it nor any folder between it and `output` has a `package.json`:
   * `package.json` (ESM, exact versions, scripts build/start/dev/typecheck/test), a strict `tsconfig.json`,
   * `README.md`, `.gitignore`, `src/server.ts` (reads `PORT`) and `src/smoke.test.ts`. Each is created once
   * and never overwritten. Default `false` in the library; `sb scaffold` turns it on (`--no-project` off).
   */
  readonly project?: boolean;
}
