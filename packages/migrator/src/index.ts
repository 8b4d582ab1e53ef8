export { MigratorError } from './errors.js';
export type { MigratorErrorCode } from './errors.js';

// connection
export type { Queryable } from './connection/queryable.js';
export { connect } from './connection/connect.js';
export type { ConnectOptions } from './connection/connect.js';
export { redactConnectionString, describeTarget } from './connection/target.js';

// migration files (dbmate format)
export type { MigrationFile, MigrationSection, MigrationContent } from './migration-file/types.js';
export { parseMigration } from './migration-file/parse.js';
export { renderMigration } from './migration-file/render.js';
export { migrationFileName, migrationVersion, parseMigrationFileName, slugify } from './migration-file/name.js';
