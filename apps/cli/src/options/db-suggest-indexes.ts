import type { SuggestOptions } from '@sb/migrator';

/** The flags of `sb db suggest-indexes` this adapter reads. */
export interface DbSuggestFlags {
  connection: string;
  queries?: string | undefined;
  output?: string | undefined;
  top: number;
  'min-improvement': number;
  'no-verify': boolean;
}

/** Flags → library options (pure). */
export function toSuggestOptions(flags: DbSuggestFlags): SuggestOptions {
  return {
    connectionString: flags.connection,
    ...(flags.queries ? { queries: flags.queries } : {}),
    ...(flags.output ? { output: flags.output } : {}),
    top: flags.top,
    minImprovement: flags['min-improvement'] / 100,
    verify: !flags['no-verify'],
  };
}
