import type { DiffSchemasOptions } from '@sb/migrator';
import { parseTrackingTable } from './db-migrate.js';

/** A flag combination the command cannot run with: exit 2. */
class UsageError extends Error {
  readonly oclif = { exit: 2 };
}

/** Flags → library options (pure); a missing or contradictory source is a usage error. */
export function toDiffOptions(flags: {
  connection?: string | undefined; from?: string | undefined; compare?: string | undefined; target?: string | undefined;
  shadow?: string | undefined; output?: string | undefined; rename?: string[] | undefined; schema?: string[] | undefined;
  'exclude-schema'?: string[] | undefined; 'lock-timeout'?: string | undefined; 'tracking-table'?: string | undefined;
}): { options: DiffSchemasOptions; output: string | undefined } {
  const from = flags.connection ? { connection: flags.connection } : flags.from ? { file: flags.from } : undefined;
  const to = flags.target ? { connection: flags.target } : flags.compare ? { file: flags.compare } : undefined;
  if (!from) throw new UsageError('say which schema you have: --connection postgres://… or --from schema.sql');
  if (!to) throw new UsageError('say which schema you want: --compare schema.sql or --target postgres://…');
  return {
    options: {
      from,
      to,
      ...(flags.shadow ? { shadow: flags.shadow } : {}),
      ...(flags.rename ? { renames: flags.rename } : {}),
      ...(flags.schema ? { schemas: flags.schema } : {}),
      ...(flags['exclude-schema'] ? { excludeSchemas: flags['exclude-schema'] } : {}),
      ...(flags['lock-timeout'] ? { lockTimeout: flags['lock-timeout'] } : {}),
      ...(flags['tracking-table'] ? { trackingTable: parseTrackingTable(flags['tracking-table']) } : {}),
    },
    output: flags.output,
  };
}
