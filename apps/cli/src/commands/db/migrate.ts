import { Args, Flags } from '@oclif/core';
import type { MigrateResult } from '@sb/migrator';
import { connectionFlag } from '../../base/db-flags.js';
import { SbCommand } from '../../base/sb-command.js';
import { formatMigrate } from '../../format/db-migrate.js';
import { toMigrateOptions } from '../../options/db-migrate.js';

export default class DbMigrate extends SbCommand {
  static override summary = 'Apply pending migrations (or roll back the last N) safely, or dry-run them.';
  static override description =
    'Each migration runs in its own transaction (transaction:false files statement by statement, resumable); an advisory lock serialises concurrent runners; applied files that changed are refused. --dry-run runs everything in a transaction that is rolled back and reports rows, locks and time per statement.';
  static override examples = [
    '<%= config.bin %> db migrate migrations/ --connection $DATABASE_URL',
    '<%= config.bin %> db migrate migrations/20260115093000_add_user_indexes.sql --dry-run --connection $DATABASE_URL',
    '<%= config.bin %> db migrate migrations/ --down 1 --connection $DATABASE_URL',
  ];
  static override args = {
    path: Args.string({ description: 'Migrations directory or one migration file.', required: true }),
  };
  static override flags = {
    connection: connectionFlag,
    'dry-run': Flags.boolean({ description: 'Run in a transaction that is rolled back; report rows, locks, time.' }),
    down: Flags.integer({ description: 'Roll back the last N applied migrations.', min: 1 }),
    'lock-timeout': Flags.string({ description: 'lock_timeout for migration statements.', default: '5s' }),
    'statement-timeout': Flags.string({ description: 'statement_timeout for migration statements.', default: '15min' }),
    'lock-wait': Flags.string({ description: "How long to wait for another runner's migration lock.", default: '10min' }),
    'tracking-table': Flags.string({ description: 'schema.table recording applied migrations.', default: 'public.sb_schema_migrations' }),
    'allow-out-of-order': Flags.boolean({ description: 'Apply a pending migration older than the newest applied one.' }),
  };

  async run(): Promise<MigrateResult> {
    const { args, flags } = await this.parse(DbMigrate);
    const { migrate } = await import('@sb/migrator');
    const run = this.startRun();
    const result = await migrate(toMigrateOptions(args.path, flags), run).finally(() => run.end());
    if (!this.jsonEnabled()) this.log(formatMigrate(result));
    if (result.failure) this.failCheck();
    return result;
  }
}
