import path from 'node:path';
import type { Framework, ScaffoldFromDbOptions, ScaffoldGraphqlOptions, ScaffoldOptions } from '@sb/scaffolder';

/** The flags of `sb scaffold` that become library options. */
export interface ScaffoldFlags {
  readonly framework: string;
  readonly output: string;
  readonly 'dry-run'?: boolean;
  readonly 'no-cache'?: boolean;
  /** `--no-project` sets this to false. */
  readonly project?: boolean;
  readonly 'from-db'?: string;
  /** With --from-db: `rest` (default) or `graphql`. */
  readonly api?: string;
  readonly schema?: readonly string[];
  readonly auth?: string;
  readonly 'writable-timestamps'?: boolean;
}

/** Flags → `scaffold()` options (pure). Relative paths are resolved against `cwd` by the library. */
export function toScaffoldOptions(spec: string, flags: ScaffoldFlags, cwd: string): ScaffoldOptions {
  return {
    spec,
    framework: flags.framework as Framework,
    output: flags.output,
    cwd,
    project: flags.project !== false,
    dryRun: flags['dry-run'] === true,
    noCache: flags['no-cache'] === true,
  };
}

/** Flags → `scaffoldFromDb()` options (pure). */
export function toFromDbOptions(flags: ScaffoldFlags & { 'from-db': string }, cwd: string): ScaffoldFromDbOptions {
  return {
    connectionString: flags['from-db'],
    api: flags.api === 'graphql' ? 'graphql' : 'rest',
    framework: flags.framework as Framework,
    output: flags.output,
    cwd,
    project: flags.project !== false,
    dryRun: flags['dry-run'] === true,
    ...(flags.schema ? { schemas: flags.schema } : {}),
    auth: (flags.auth ?? 'writes') as 'writes' | 'all' | 'none',
    ...(flags['writable-timestamps'] ? { writableTimestamps: true } : {}),
  };
}

/** Flags → `scaffoldGraphql()` options (pure); paths resolved against the folder the user ran the command in. */
export function toGraphqlOptions(schema: string, flags: ScaffoldFlags, cwd: string): ScaffoldGraphqlOptions {
  return {
    schema: path.resolve(cwd, schema),
    framework: flags.framework as Framework,
    output: path.resolve(cwd, flags.output),
    project: flags.project !== false,
    dryRun: flags['dry-run'] === true,
  };
}
