// The public API of @sb/migrator: what users call, and the types those calls take and return. Internals (SQL
// quoting, rendering, migration-file parsing and naming) are not API: the package's own tests import them by path.
export { MigratorError } from './errors.js';
export type { MigratorErrorCode } from './errors.js';
export type { Progress, RunControl } from '@sb/errors';

// connection
export type { Queryable } from './connection/queryable.js';
export { connect } from './connection/connect.js';
export type { ConnectOptions } from './connection/connect.js';
export { describeTarget } from './connection/target.js';

// introspection and the snapshot model
export { introspect } from './introspect/introspect.js';
export type { IntrospectOptions } from './introspect/introspect.js';
export type {
  SchemaSnapshot,
  QualifiedName,
  Extension,
  Collation,
  EnumType,
  Domain,
  Sequence,
  Table,
  Column,
  PrimaryKey,
  UniqueConstraint,
  ForeignKey,
  CheckConstraint,
  ExclusionConstraint,
  Index,
  Trigger,
  Policy,
  Grant,
  View,
  FunctionDef,
} from './snapshot/types.js';

// shadow databases (schema files)
export { loadSchemaFile, loadSchemaFiles } from './shadow/load-schema-file.js';
export type { LoadSchemaFileOptions } from './shadow/load-schema-file.js';

// diff, plan and write migrations
export { diffSnapshots } from './diff/diff-snapshots.js';
export type { SnapshotDiff } from './diff/diff-snapshots.js';
export type { DiffOptions } from './diff/context.js';
export type { RenameSuggestion } from './diff/renames.js';
export { Phase } from './plan/operation.js';
export type { Operation } from './plan/operation.js';
export { diffSchemas } from './generate/diff-schemas.js';
export type { DiffSchemasOptions, MigrationPlan, SchemaSource } from './generate/diff-schemas.js';
export { writeMigration } from './generate/write-migration.js';
export type { WriteMigrationOptions, WriteMigrationResult } from './generate/write-migration.js';

// migration files (dbmate format)
export type { MigrationFile, MigrationSection, MigrationContent } from './migration-file/types.js';

// apply: sb db migrate / sb db status
export { migrate } from './apply/runner.js';
export { migrationStatus } from './apply/status.js';
export type { StatusOptions, StatusResult, MigrationStatusRow, MigrationState } from './apply/status.js';
export type {
  ApplyClient, MigrateOptions, MigrateResult, MigrationReport, MigrationStatus,
  MigrationFailure, StatementReport, StatementStatus, LockReport,
} from './apply/types.js';
export type { TrackingTable, AppliedMigration } from './apply/tracking.js';
export { DEFAULT_TRACKING_TABLE } from './apply/tracking.js';
export type { LoadedMigration, LoadedMigrations } from './apply/load.js';
export type { PlannedStatement } from './apply/split.js';

// analyze: sb db analyze
export { analyze, hasFindingsAtOrAbove } from './analyze/analyze.js';
export type { AnalyzeOptions, AnalyzeResult, CheckRun } from './analyze/analyze.js';
export type { Finding, Fix, Severity, CheckId, AnalyzeThresholds } from './analyze/types.js';
export { SEVERITIES, DEFAULT_THRESHOLDS } from './analyze/types.js';

// suggest: sb db suggest-indexes
export { suggestIndexes } from './suggest/suggest.js';
export type { SuggestOptions, SuggestResult, IndexSuggestion } from './suggest/suggest.js';
export type { QueryReport } from './suggest/evaluate.js';
export type { Candidate } from './suggest/candidates.js';
