import type { OpenAPIObject } from 'openapi3-ts/oas31';
import type { Framework } from '../options.js';
import type { ScaffoldResult } from '../result.js';

/**
 * Options of {@link scaffoldFromDb}.
 *
 * @example
 * ```ts
 * const r = await scaffoldFromDb({ connectionString: 'postgres://postgres@127.0.0.1/shop', framework: 'fastify', output: 'src' });
 * for (const w of r.warnings) console.warn(w.message);
 * ```
 */
export interface ScaffoldFromDbOptions {
  /** `postgres://user@host:port/database`; the password never appears in messages. */
  readonly connectionString: string;
  readonly framework: Framework;
  /** The folder to generate into (as for `scaffold`). */
  readonly output: string;
  /** Only these schemas (default: every user schema). */
  readonly schemas?: readonly string[];
  /**
   * Which operations require a bearer token, checked by the `authenticate` hook in `auth.ts`: `writes`
   * (default: POST, PATCH, DELETE), `all`, or `none`.
   */
  readonly auth?: 'writes' | 'all' | 'none';
  /**
   * Let clients write date/time columns whose default is the current time (`created_at … DEFAULT now()`).
   * Default `false`: they are `readOnly`, like identity, serial and generated columns, which always are.
   */
  readonly writableTimestamps?: boolean;
  /** `info.title` of the generated spec; default: the database name. */
  readonly title?: string;
  readonly dryRun?: boolean;
  /** As for `scaffold`: the folder relative paths are resolved against. */
  readonly cwd?: string;
  /** As for `scaffold`: make `cwd` a project that runs (with `kysely` and `pg`). Default `false`. */
  readonly project?: boolean;
}

/** One table and the routes generated for it. */
export interface TableReport {
  /** `schema.table`. */
  readonly table: string;
  readonly path: string;
  readonly operations: readonly string[];
  /** No primary key: list only. */
  readonly readOnly: boolean;
  /** The handler file (relative to `output`) and whether it got kysely implementations (false: it already existed). */
  readonly handlerFile: string | undefined;
  readonly implemented: boolean;
}

export interface DbWarning {
  readonly code: string;
  readonly message: string;
  readonly table?: string;
}

/** What {@link scaffoldFromDb} did. */
export interface ScaffoldFromDbResult {
  /** The generated description (also written to `<output>/openapi.yaml`). */
  readonly spec: OpenAPIObject;
  readonly tables: readonly TableReport[];
  /** What part 1's generation did with the spec (files, handlers, warnings). */
  readonly scaffold: ScaffoldResult;
  /** Files this step wrote besides `scaffold`'s: `openapi.yaml`, `db/*`, implemented handler files. */
  readonly files: readonly string[];
  readonly warnings: readonly DbWarning[];
}
