import { Args, Flags } from '@oclif/core';
import type { StatusResult } from '@sb/migrator';
import { connectionFlag } from '../../base/db-flags.js';
import { SbCommand } from '../../base/sb-command.js';
import { formatStatus } from '../../format/db-status.js';
import { toStatusOptions } from '../../options/db-migrate.js';

export default class DbStatus extends SbCommand {
  static override summary = 'Show applied, pending, changed and partially applied migrations.';
  static override examples = ['<%= config.bin %> db status migrations/ --connection $DATABASE_URL'];
  static override args = {
    path: Args.string({ description: 'Migrations directory or one migration file.', default: 'migrations' }),
  };
  static override flags = {
    connection: connectionFlag,
    'tracking-table': Flags.string({ description: 'schema.table recording applied migrations.', default: 'public.sb_schema_migrations' }),
  };

  async run(): Promise<StatusResult> {
    const { args, flags } = await this.parse(DbStatus);
    const { migrationStatus } = await import('@sb/migrator');
    const result = await migrationStatus(toStatusOptions(args.path, flags));
    if (!this.jsonEnabled()) this.log(formatStatus(result));
    if (result.counts.changed > 0 || result.counts['missing-file'] > 0) this.failCheck();
    return result;
  }
}
