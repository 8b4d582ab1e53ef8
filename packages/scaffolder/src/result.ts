import type { Framework } from './options.js';

/**
 * A non-fatal finding: a quirk the doctor normalised, or a feature generated in a degraded way.
 * `pointer` is the RFC 6901 JSON pointer into the (bundled) spec, e.g. `#/components/schemas/Pet/nullable`.
 */
export interface ScaffoldWarning {
  /** A stable kebab-case code, e.g. `nullable-without-type`, `duplicate-enum-item`, `multipart-not-validated`. */
  readonly code: string;
  readonly message: string;
  readonly pointer: string;
}

/** One file of the output, relative to `output` with `/` separators. */
export interface ScaffoldFile {
  readonly path: string;
  /** `generated` files (`*.gen.ts`) are rewritten on every run; `user` files are created once, then only appended to. */
  readonly kind: 'generated' | 'user';
  readonly status: 'created' | 'updated' | 'unchanged';
}

/**
 * Where the handler of one operation lives.
 *
 * Handler files are `handlers/<group>.ts` under `output`, where `<group>` is the kebab-cased first tag of the
 * operation (or its first static path segment when it has no tag, or `default`). Each exports one
 * `async function <exportName>(input, ctx)` per operation; `exportName` is the camel-cased `operationId`
 * (or `<method><Path>` when there is none), made a valid, unique identifier.
 *
 * The generated signature is
 * ```ts
 * export async function getPet(input: GetPetInput, ctx: HandlerContext): Promise<GetPetResult>
 * // input:  { params, query, headers, cookies, body } — validated and coerced
 * // result: { status: 200, body: Pet } | { status: 404, body: Error } | …  (typed by the responses)
 * ```
 * with the types imported from `../operations.gen.js` and `../runtime.gen.js`.
 */
export interface HandlerRef {
  readonly exportName: string;
  /** The handler file, relative to `output`, e.g. `handlers/pets.ts`. */
  readonly file: string;
  readonly operationId: string | undefined;
  readonly method: string;
  readonly path: string;
}

/** What {@link scaffold} did (or, with `dryRun`, would do). */
export interface ScaffoldResult {
  readonly framework: Framework;
  /** Absolute path of the output folder. */
  readonly output: string;
  readonly specVersion: string;
  readonly operations: number;
  readonly schemas: number;
  readonly files: readonly ScaffoldFile[];
  readonly handlers: {
    /** Stubs created by this run (new operations). */
    readonly created: readonly HandlerRef[];
    /** Handlers that already existed and were left untouched. */
    readonly existing: readonly HandlerRef[];
    /** Exported functions in handler files whose operation no longer exists. Reported, never deleted. */
    readonly orphaned: readonly Omit<HandlerRef, 'operationId' | 'method' | 'path'>[];
  };
  readonly warnings: readonly ScaffoldWarning[];
  /**
   * The project made around the output (see `ScaffoldOptions.project`): its folder and its files, relative to
   * it. Absent when no project was asked for or one already existed (`reason` says which).
   */
  readonly project?: { readonly root: string; readonly files: readonly ScaffoldFile[] } | { readonly root?: undefined; readonly reason: string };
  readonly durationMs: number;
}
