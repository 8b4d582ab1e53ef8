import type { OpenAPIObject } from 'openapi3-ts/oas31';
import type { Framework } from './options.js';
import type { ScaffoldFile, ScaffoldResult } from './result.js';
import type { GraphqlTableReport } from './from-db/graphql/build-service.js';

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
  /**
   * `rest` (default): an OpenAPI description and a CRUD API with kysely handlers. `graphql`: a GraphQL service
   * (types per table, relations both ways, Relay connections, filters, ordering, mutations) served by GraphQL
   * Yoga, with relations loaded through per-request DataLoaders; `output` becomes a project that runs
   * (unless `project: false`). `auth` and `title` apply to `rest` only.
   */
  readonly api?: 'rest' | 'graphql';
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
  /**
   * REST: as for `scaffold`, make `cwd` a project that runs (with `kysely` and `pg`); default `false`.
   * GraphQL: make `output` one (`package.json`, `tsconfig.json`, `server.ts`, …; never overwritten); default `true`.
   */
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

/** What {@link scaffoldFromDb} did with `api: 'rest'`. */
export interface ScaffoldFromDbResult {
  readonly api: 'rest';
  /** The generated description (also written to `<output>/openapi.yaml`). */
  readonly spec: OpenAPIObject;
  readonly tables: readonly TableReport[];
  /** What part 1's generation did with the spec (files, handlers, warnings). */
  readonly scaffold: ScaffoldResult;
  /** Files this step wrote besides `scaffold`'s: `openapi.yaml`, `db/*`, implemented handler files. */
  readonly files: readonly string[];
  readonly warnings: readonly DbWarning[];
}

/** What {@link scaffoldFromDb} did with `api: 'graphql'`. */
export interface ScaffoldDbGraphqlResult {
  readonly api: 'graphql';
  readonly framework: Framework;
  /** The service folder (absolute). */
  readonly output: string;
  /** The schema the service serves (also in `type-defs.gen.ts`). */
  readonly sdl: string;
  readonly tables: readonly GraphqlTableReport[];
  readonly files: readonly ScaffoldFile[];
  readonly warnings: readonly DbWarning[];
}
