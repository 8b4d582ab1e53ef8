import { Flags } from '@oclif/core';
import type { SuggestResult } from '@sb/migrator';
import { connectionFlag } from '../../base/db-flags.js';
import { SbCommand } from '../../base/sb-command.js';
import { formatSuggest } from '../../format/db-suggest.js';
import { toSuggestOptions } from '../../options/db-suggest-indexes.js';

export default class DbSuggestIndexes extends SbCommand {
  static override summary = 'Suggest indexes for the workload, verified with HypoPG, and write them as a migration.';
  static override description =
    'Queries come from pg_stat_statements (top by total time) or --queries. Candidates come from filters, joins and sort order (PostgreSQL parser); each is verified with a hypothetical index (HypoPG) and kept only when the planner cost drops by --min-improvement. Nothing in the database changes.';
  static override examples = [
    '<%= config.bin %> db suggest-indexes --connection $DATABASE_URL --output migrations/',
    '<%= config.bin %> db suggest-indexes --connection $DATABASE_URL --queries slow.sql',
  ];
  static override flags = {
    connection: connectionFlag,
    queries: Flags.string({ description: 'A SQL file of queries (default: pg_stat_statements).' }),
    output: Flags.string({ char: 'o', description: 'Write the suggested indexes as a migration into this directory.' }),
    top: Flags.integer({ description: 'How many pg_stat_statements queries to consider.', default: 20, min: 1 }),
    'min-improvement': Flags.integer({ description: 'Keep an index only if it cuts the planner cost by this percentage.', default: 30, min: 1, max: 99 }),
    'no-verify': Flags.boolean({ description: 'Skip HypoPG verification (suggestions are labelled unverified).' }),
  };

  async run(): Promise<SuggestResult> {
    const { flags } = await this.parse(DbSuggestIndexes);
    const { suggestIndexes } = await import('@sb/migrator');
    const run = this.startRun();
    const result = await suggestIndexes(toSuggestOptions(flags), run).finally(() => run.end());
    if (!this.jsonEnabled()) this.log(formatSuggest(result));
    return result;
  }
}
