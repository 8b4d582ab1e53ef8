import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { RunControl } from '@sb/errors';
import { printSchema } from 'graphql';
import { checkAborted } from '../abort.js';
import { ScaffoldError } from '../errors.js';
import { FRAMEWORKS, type Framework } from '../options.js';
import type { ScaffoldFile } from '../result.js';
import { writeOutput, type PlannedFile } from '../write/atomic-write.js';
import { GRAPHQL_HEADER } from './emit/header.js';
import { resolverIndexFile, stubFile, stubPath } from './emit/stubs.js';
import { typesFile } from './emit/types-file.js';
import { resolverFields, userTypes } from './model/sdl-model.js';
import { graphqlServiceFiles } from '../graphql-service/service-files.js';
import { loadSdl } from './read/load-sdl.js';

/** Options of {@link scaffoldGraphql}. */
export interface ScaffoldGraphqlOptions {
  /** An SDL file, or a folder of `.graphql` / `.gql` files. */
  readonly schema: string;
  readonly framework: Framework;
  /** The project folder to write (nothing is written outside it). */
  readonly output: string;
  readonly dryRun?: boolean;
  /**
   * Make `output` a project that runs (`package.json`, `tsconfig.json`, `.gitignore`, `README.md`, `server.ts`,
   * `smoke.test.ts`; each created once, never overwritten). Default true; false (`--no-project`): only the service code.
   */
  readonly project?: boolean;
}

/** One resolver stub: `Query.user` in `resolvers/Query/user.ts`. */
export interface ResolverRef {
  readonly type: string;
  readonly field: string;
  readonly file: string;
}

/** What {@link scaffoldGraphql} did. */
export interface ScaffoldGraphqlResult {
  readonly framework: Framework;
  readonly output: string;
  readonly types: number;
  readonly files: readonly ScaffoldFile[];
  readonly resolvers: {
    readonly created: readonly ResolverRef[];
    readonly existing: readonly ResolverRef[];
    /** Stub files whose field is gone from the schema: reported, never deleted. */
    readonly orphans: readonly string[];
  };
}

/**
 * Schema-first GraphQL: from SDL, writes resolver types (`types.gen.ts`), a stub per root field and per field
 * with arguments (`resolvers/<Type>/<field>.ts`, yours), the resolver map, GraphQL Yoga wiring for Express,
 * Fastify or Koa with the protections of `limits.ts` (yours), and a runnable project around it.
 *
 * `control.onProgress` gets `load`, `emit` and `write`; aborting `control.signal` rejects with `SCAFFOLD_ABORTED`
 * at the next stage, and nothing is written.
 *
 * @example
 * ```ts
 * const result = await scaffoldGraphql({ schema: 'schema.graphql', framework: 'fastify', output: 'service/' });
 * result.resolvers.created; // [{ type: 'Query', field: 'user', file: 'resolvers/Query/user.ts' }, …]
 * ```
 */
export async function scaffoldGraphql(options: ScaffoldGraphqlOptions, control: RunControl = {}): Promise<ScaffoldGraphqlResult> {
  if (!FRAMEWORKS.includes(options.framework)) throw new ScaffoldError('SCAFFOLD_INVALID_OPTION', `framework must be one of ${FRAMEWORKS.join(', ')}, got ${JSON.stringify(options.framework)}`);
  const output = path.resolve(options.output);
  const progress = control.onProgress ?? (() => undefined);
  progress({ phase: 'load', message: `reading ${options.schema}` });
  const { schema } = await loadSdl(options.schema);
  checkAborted(control.signal, 'scaffold');
  progress({ phase: 'emit', message: `generating ${options.framework} GraphQL code` });
  const fields = resolverFields(schema);
  const existingFiles = new Set(await listStubs(output));
  const created: ResolverRef[] = [];
  const existing: ResolverRef[] = [];
  const planned: PlannedFile[] = [];
  for (const r of fields) {
    const ref = { type: r.typeName, field: r.field, file: stubPath(r) };
    if (existingFiles.has(ref.file)) existing.push(ref);
    else {
      created.push(ref);
      planned.push({ path: ref.file, content: stubFile(r), kind: 'user' });
    }
  }
  const wanted = new Set(fields.map(stubPath));
  const orphans = [...existingFiles].filter((f) => !wanted.has(f)).sort();
  const t = userTypes(schema);
  planned.push(
    { path: 'types.gen.ts', content: typesFile(schema), kind: 'generated' },
    { path: 'resolvers.gen.ts', content: resolverIndexFile(fields, GRAPHQL_HEADER), kind: 'generated' },
    ...(await graphqlServiceFiles({
      framework: options.framework,
      output,
      header: GRAPHQL_HEADER,
      sdl: printSchema(schema),
      contextTemplate: 'graphql/context.ts',
      origin: 'sdl',
      ...(options.project === false ? { project: false } : {}),
    })),
  );
  checkAborted(control.signal, 'scaffold');
  progress({ phase: 'write', message: options.dryRun ? 'comparing with the output folder' : `writing ${planned.length} files` });
  const files = await writeOutput(output, planned, options.dryRun === true, control.signal);
  return {
    framework: options.framework,
    output,
    types: t.objects.length + t.inputs.length + t.enums.length + t.unions.length + t.interfaces.length,
    files,
    resolvers: { created, existing, orphans },
  };
}

async function listStubs(output: string): Promise<string[]> {
  const root = path.join(output, 'resolvers');
  const types = await readdir(root, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const t of types) {
    if (!t.isDirectory()) continue;
    for (const f of await readdir(path.join(root, t.name)).catch(() => [])) if (f.endsWith('.ts')) out.push(`resolvers/${t.name}/${f}`);
  }
  return out;
}
