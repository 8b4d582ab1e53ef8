import { Flags } from '@oclif/core';
import type { AnalyzeResult, Severity } from '@sb/migrator';
import { connectionFlag } from '../../base/db-flags.js';
import { SbCommand } from '../../base/sb-command.js';
import { formatAnalyze } from '../../format/db-analyze.js';
import { toAnalyzeOptions } from '../../options/db-analyze.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

export default class DbAnalyze extends SbCommand {
  static override summary = 'Analyse a live database: missing FK indexes, duplicate/unused/invalid indexes, N+1 queries, slow queries and more.';
  static override description =
    'Each finding has a severity, the evidence from the catalog and statistics, and the fix as SQL. --output writes the online-safe fixes (indexes, VALIDATE CONSTRAINT) as a migration with up and down. ' +
    'N+1 is reported only with a parent query as evidence: from pg_stat_statements, or, with --log, per session from a PostgreSQL csvlog/jsonlog (log_statement = all; auto_explain adds row counts). --log works without --connection too.';
  static override examples = [
    '<%= config.bin %> db analyze --connection $DATABASE_URL',
    '<%= config.bin %> db analyze --connection $DATABASE_URL --output migrations/ --fail-on high',
    '<%= config.bin %> db analyze --log /var/log/postgresql/postgresql-15-main.json',
  ];
  static override flags = {
    connection: Flags.string({ ...connectionFlag, required: false, description: 'postgres:// URL (or DATABASE_URL). Optional with --log.' }),
    log: Flags.string({ description: 'A PostgreSQL csvlog or jsonlog file: N+1 is found per session from the statements in it.' }),
    output: Flags.string({ char: 'o', description: 'Write the migratable fixes as a migration into this directory.' }),
    'fail-on': Flags.string({ description: 'Exit 1 when a finding at or above this severity exists.', options: [...SEVERITIES] }),
    check: Flags.string({ description: 'Run only this check (repeatable).', multiple: true }),
    top: Flags.integer({ description: 'How many of the slowest queries to report.', default: 5, min: 1 }),
  };

  async run(): Promise<AnalyzeResult> {
    const { flags } = await this.parse(DbAnalyze);
    if (!flags.connection && !flags.log) this.error('give --connection (or DATABASE_URL), --log FILE, or both', { exit: 2 });
    const lib = await import('@sb/migrator');
    const run = this.startRun();
    const result = await lib.analyze(toAnalyzeOptions(flags), run).finally(() => run.end());
    if (!this.jsonEnabled()) this.log(formatAnalyze(result));
    if (flags['fail-on'] && lib.hasFindingsAtOrAbove(result, flags['fail-on'] as Severity)) this.failCheck();
    return result;
  }
}
