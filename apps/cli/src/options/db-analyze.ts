import type { AnalyzeOptions, CheckId } from '@sb/migrator';

/** The flags of `sb db analyze` this adapter reads. */
export interface DbAnalyzeFlags {
  connection?: string | undefined;
  log?: string | undefined;
  output?: string | undefined;
  check?: string[] | undefined;
  top: number;
}

/** Flags → library options (pure). */
export function toAnalyzeOptions(flags: DbAnalyzeFlags): AnalyzeOptions {
  return {
    ...(flags.connection ? { connectionString: flags.connection } : {}),
    ...(flags.log ? { log: flags.log } : {}),
    ...(flags.output ? { output: flags.output } : {}),
    ...(flags.check ? { checks: flags.check as CheckId[] } : {}),
    thresholds: { topQueries: flags.top },
  };
}
