import type { MigrateOptions, StatusOptions } from '@sb/migrator';

/** `schema.table` (or `table`, meaning `public.table`) from the --tracking-table flag. */
export function parseTrackingTable(value: string): { schema: string; table: string } {
  const dot = value.indexOf('.');
  return dot < 0 ? { schema: 'public', table: value } : { schema: value.slice(0, dot), table: value.slice(dot + 1) };
}

/** Flags → library options (pure). */
export function toMigrateOptions(
  path: string,
  flags: { connection: string; 'dry-run': boolean; down?: number | undefined; 'lock-timeout': string; 'statement-timeout': string; 'lock-wait': string; 'tracking-table': string; 'allow-out-of-order': boolean },
): MigrateOptions {
  return {
    path,
    connectionString: flags.connection,
    dryRun: flags['dry-run'],
    ...(flags.down !== undefined ? { down: flags.down } : {}),
    lockTimeout: flags['lock-timeout'],
    statementTimeout: flags['statement-timeout'],
    lockWait: flags['lock-wait'],
    trackingTable: parseTrackingTable(flags['tracking-table']),
    allowOutOfOrder: flags['allow-out-of-order'],
  };
}

/** Flags → library options (pure). */
export function toStatusOptions(path: string, flags: { connection: string; 'tracking-table': string }): StatusOptions {
  return { path, connectionString: flags.connection, trackingTable: parseTrackingTable(flags['tracking-table']) };
}
