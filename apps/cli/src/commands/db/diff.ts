import { Flags } from '@oclif/core';
import { SbCommand } from '../../base/sb-command.js';
import { type DbDiffResult, formatDbDiff, toDbDiffResult } from '../../format/db-diff.js';
import { toDiffOptions } from '../../options/db-diff.js';

export default class DbDiff extends SbCommand {
  static override summary = 'Diff two PostgreSQL schemas and write a migration with up and down sections.';
  static override description =
    'Sources: a live database (--connection / --target) or a .sql file (--from / --compare), loaded into a shadow database: embedded PGlite by default, or a temporary database on --shadow. Writes <UTC timestamp>_<slug>.sql in the dbmate format into --output; without --output the migration is printed. Destructive changes are refused unless --allow-destructive.';
  static override examples = [
    '<%= config.bin %> db diff --from examples/schema/v1.sql --compare examples/schema/v2.sql',
    '<%= config.bin %> db diff --connection postgres://localhost/mydb --compare schema/v2.sql --output migrations/',
    '<%= config.bin %> db diff --connection $A --target $B --json',
  ];
  static override flags = {
    connection: Flags.string({ char: 'c', description: 'The schema you have: a postgres:// URL.', exclusive: ['from'] }),
    from: Flags.string({ description: 'The schema you have: a .sql file.', exclusive: ['connection'] }),
    compare: Flags.string({ description: 'The schema you want: a .sql file.', exclusive: ['target'] }),
    target: Flags.string({ description: 'The schema you want: a postgres:// URL.', exclusive: ['compare'] }),
    shadow: Flags.string({ description: 'Server URL for the temporary shadow database (default: embedded PGlite).' }),
    output: Flags.string({ char: 'o', description: 'Directory to write the migration into (never overwrites).' }),
    name: Flags.string({ description: 'Words for the migration file name (default: from the first change).' }),
    safe: Flags.boolean({ description: 'Refuse destructive changes (default).', default: true, allowNo: true }),
    'allow-destructive': Flags.boolean({ description: 'Write the migration even when it drops data.' }),
    rename: Flags.string({ description: 'Accept a rename, old:new (table or table.column); repeatable.', multiple: true }),
    schema: Flags.string({ description: 'Only this schema; repeatable.', multiple: true }),
    'exclude-schema': Flags.string({ description: 'Leave this schema out; repeatable.', multiple: true }),
    'lock-timeout': Flags.string({ description: 'lock_timeout written at the top of the migration.', default: '5s' }),
    'tracking-table': Flags.string({ description: 'schema.table recording applied migrations: never part of the diff.', default: 'public.sb_schema_migrations' }),
  };

  async run(): Promise<DbDiffResult> {
    const { flags } = await this.parse(DbDiff);
    const { options, output } = toDiffOptions(flags);
    const { diffSchemas, writeMigration } = await import('@sb/migrator');
    const run = this.startRun();
    const plan = await diffSchemas(options, run).finally(() => run.end());
    const allow = flags['allow-destructive'] || !flags.safe;
    const written = output
      ? await writeMigration(plan, { directory: output, allowDestructive: allow, lockTimeout: flags['lock-timeout'], ...(flags.name ? { description: flags.name } : {}) })
      : undefined;
    const result = toDbDiffResult(plan, written, allow);
    if (!this.jsonEnabled()) this.log(formatDbDiff(result, plan));
    if (result.status === 'refused') this.failCheck();
    return result;
  }
}
