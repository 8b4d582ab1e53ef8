/** One direction (`up` or `down`) of a migration file. */
export interface MigrationSection {
  /** The SQL of the section, exactly as written (without its `-- migrate:` line). */
  sql: string;
  /** False when the section is marked `transaction:false` (needed for `CREATE INDEX CONCURRENTLY`). */
  transaction: boolean;
  /** 1-based line of the file where the section's SQL starts: add it to a statement's line for file:line. */
  line: number;
}

/** A migration file read from disk, in the dbmate format. */
export interface MigrationFile {
  /** The file name, e.g. `20260115093000_add_user_indexes.sql`. */
  fileName: string;
  /** The UTC timestamp prefix, e.g. `20260115093000`: orders migrations. */
  version: string;
  /** What follows the timestamp, without `.sql`: `add_user_indexes`. */
  slug: string;
  up: MigrationSection;
  down: MigrationSection;
  /** sha-256 (hex) of the whole file's bytes: an applied migration whose file changed is refused. */
  checksum: string;
}

/** What {@link renderMigration} writes. */
export interface MigrationContent {
  up: string;
  down: string;
  /** Default true. False marks both sections `transaction:false`. */
  transaction?: boolean;
  /** Separate flag for the down section; defaults to `transaction`. */
  downTransaction?: boolean;
  /** Comment lines written above `-- migrate:up` (a summary, warnings); `-- ` is prefixed. */
  header?: string[];
}
