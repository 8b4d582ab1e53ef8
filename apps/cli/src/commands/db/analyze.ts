import { Flags } from '@oclif/core';
import type { AnalyzeOptions, AnalyzeResult, CheckId, Severity } from '@sb/migrator';
import { connectionFlag } from '../../base/db-flags.js';
import { SbCommand } from '../../base/sb-command.js';
import { formatAnalyze } from '../../format/db-analyze.js';
import { ProgressLine } from '../../format/progress-line.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

export default class DbAnalyze extends SbCommand {
  static override summary = 'Analyse a live database: missing FK indexes, duplicate/unused/invalid indexes, N+1 queries, slow queries and more.';
  static override description =
    'Each finding has a severity, the evidence from the catalog and statistics, and the fix as SQL. --output writes the online-safe fixes (indexes, VALIDATE CONSTRAINT) as a migration with up and down.';
  static override examples = [
    '<%= config.bin %> db analyze --connection $DATABASE_URL',
    '<%= config.bin %> db analyze --connection $DATABASE_URL --output migrations/ --fail-on high',
  ];
  static override flags = {
    connection: connectionFlag,
    output: Flags.string({ char: 'o', description: 'Write the migratable fixes as a migration into this directory.' }),
    'fail-on': Flags.string({ description: 'Exit 1 when a finding at or above this severity exists.', options: [...SEVERITIES] }),
    check: Flags.string({ description: 'Run only this check (repeatable).', multiple: true }),
    top: Flags.integer({ description: 'How many of the slowest queries to report.', default: 5, min: 1 }),
  };

  async run(): Promise<AnalyzeResult> {
    const { flags } = await this.parse(DbAnalyze);
    const progress = new ProgressLine(this.interactive);
    const lib = await import('@sb/migrator');
    const result = await lib
      .analyze({ ...toOptions(flags), onProgress: (e) => progress.update(`check ${e.done + 1}/${e.total}: ${e.check}`) })
      .finally(() => progress.done());
    if (!this.jsonEnabled()) this.log(formatAnalyze(result));
    if (flags['fail-on'] && lib.hasFindingsAtOrAbove(result, flags['fail-on'] as Severity)) this.failCheck();
    return result;
  }
}

/** Flags → library options (pure). */
export function toOptions(flags: { connection: string; output?: string | undefined; check?: string[] | undefined; top: number }): AnalyzeOptions {
  return {
    connectionString: flags.connection,
    ...(flags.output ? { output: flags.output } : {}),
    ...(flags.check ? { checks: flags.check as CheckId[] } : {}),
    thresholds: { topQueries: flags.top },
  };
}
