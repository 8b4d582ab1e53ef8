import path from 'node:path';
import type { SpecFromRoutesOptions } from '@sb/scaffolder';

/** The flags of `sb spec` that become library options. */
export interface SpecFlags {
  readonly output?: string;
  readonly title?: string;
  readonly 'api-version'?: string;
  readonly tsconfig?: string;
  readonly 'no-cache'?: boolean;
}

/** Flags → `specFromRoutes()` options (pure); paths resolved against `cwd`, the folder the user typed the command in. */
export function toSpecOptions(inputs: readonly string[], flags: SpecFlags, cwd: string): SpecFromRoutesOptions {
  const at = (p: string): string => path.resolve(cwd, p);
  return {
    input: inputs.map(at),
    ...(flags.output ? { output: at(flags.output) } : {}),
    ...(flags.title ? { title: flags.title } : {}),
    ...(flags['api-version'] ? { version: flags['api-version'] } : {}),
    ...(flags.tsconfig ? { tsconfig: at(flags.tsconfig) } : {}),
    ...(flags['no-cache'] ? { noCache: true } : {}),
  };
}
