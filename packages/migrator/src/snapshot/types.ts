/**
 * The schema snapshot: a plain, JSON-serialisable picture of a PostgreSQL schema, produced by
 * {@link introspect} and compared by {@link diffSnapshots}. Every name is stored unquoted, exactly as in
 * the catalog; SQL fragments (types, defaults, definitions) are as PostgreSQL prints them with an empty
 * `search_path`, so every reference is schema-qualified.
 *
 * Arrays are sorted by name so two snapshots of the same schema are deep-equal and diff cleanly as JSON.
 */
export interface SchemaSnapshot {
  /** Bumped when the shape changes incompatibly. */
  formatVersion: 1;
  /** `server_version_num` of the database introspected, e.g. 150020. */
  serverVersion: number;
  /** User schemas (never `pg_catalog`, `information_schema`, `pg_toast`). */
  schemas: string[];
  extensions: Extension[];
  collations: Collation[];
  enums: EnumType[];
  domains: Domain[];
  sequences: Sequence[];
  tables: Table[];
  views: View[];
  functions: FunctionDef[];
  /**
   * Object kinds found but not modelled (aggregates, foreign tables, rules, …): a diff never silently
   * ignores them; callers must show these loudly.
   */
  warnings: string[];
}

/** `schema.name`, the key used everywhere to refer to a relation or type. */
export type QualifiedName = string;

export interface Extension {
  name: string;
  schema: string;
  version: string;
  /** Versions `ALTER EXTENSION … UPDATE TO` can reach from this one (from the server's update scripts). */
  updatePaths?: string[];
}

export interface Collation {
  schema: string;
  name: string;
  /** `c` (libc), `i` (icu) or `d` (default). */
  provider: string;
  locale: string | null;
  lcCollate: string | null;
  lcCtype: string | null;
  deterministic: boolean;
}

export interface EnumType {
  schema: string;
  name: string;
  /** The type as column types show it (`format_type`), e.g. `public.status`. */
  typeName: string;
  /** Labels in sort order. */
  values: string[];
  comment: string | null;
}

export interface Domain {
  schema: string;
  name: string;
  /** The base type, e.g. `text` or `numeric(10,2)`. */
  type: string;
  nullable: boolean;
  default: string | null;
  collation: string | null;
  /** CHECK constraints: name and `CHECK (...)` definition. */
  checks: { name: string; definition: string }[];
  comment: string | null;
}

export interface Sequence {
  schema: string;
  name: string;
  type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  /** The column owning this sequence (`serial`), dropped with it. */
  ownedBy: { schema: string; table: string; column: string } | null;
}

export interface Column {
  name: string;
  /** `format_type` output with modifiers: `character varying(10)`, `public.status`, `integer[]`. */
  type: string;
  nullable: boolean;
  /** Default expression (never set for generated columns). */
  default: string | null;
  identity: 'always' | 'by default' | null;
  /** The identity's sequence options, `START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE`; null when not an identity. */
  identityOptions?: string | null;
  /** Expression of a `GENERATED ALWAYS AS (…) STORED` column. */
  generated: string | null;
  /** Qualified collation name when it is not the type's default. */
  collation: string | null;
  /** False for a column that exists only because a parent table (inheritance, partitioning) has it. */
  local: boolean;
  comment: string | null;
}

export interface PrimaryKey {
  name: string;
  columns: string[];
  /** `PRIMARY KEY (id)` plus any `DEFERRABLE …`. */
  definition: string;
}

export interface UniqueConstraint {
  name: string;
  columns: string[];
  definition: string;
  deferrable: boolean;
  initiallyDeferred: boolean;
}

export interface ForeignKey {
  name: string;
  columns: string[];
  references: { schema: string; table: string; columns: string[] };
  /** `a` no action, `r` restrict, `c` cascade, `n` set null, `d` set default. */
  onDelete: string;
  onUpdate: string;
  deferrable: boolean;
  initiallyDeferred: boolean;
  validated: boolean;
  /** Full `FOREIGN KEY … REFERENCES …` text, used to compare and to recreate. */
  definition: string;
}

export interface CheckConstraint {
  name: string;
  /** `CHECK (…)` (with `NOT VALID` removed; see `validated`). */
  definition: string;
  validated: boolean;
}

export interface ExclusionConstraint {
  name: string;
  definition: string;
}

export interface Index {
  name: string;
  unique: boolean;
  /** Access method: `btree`, `gin`, `gist`, … */
  method: string;
  /** Everything from `USING` on: `USING btree (lower(email)) INCLUDE (id) WHERE (deleted_at IS NULL)`. */
  using: string;
  /** The key columns (empty entries for expressions). */
  columns: string[];
  /** Partial index predicate, if any. */
  predicate: string | null;
  /** Created `ON ONLY` a partitioned table. */
  only: boolean;
  comment: string | null;
}

export interface Trigger {
  name: string;
  /** `pg_get_triggerdef` output: `CREATE TRIGGER …`. */
  definition: string;
  /** Qualified name and identity arguments of the trigger function. */
  function: string;
}

export interface Policy {
  name: string;
  permissive: boolean;
  /** `ALL`, `SELECT`, `INSERT`, `UPDATE`, `DELETE`. */
  command: string;
  /** Quoted role names, or `public`. */
  roles: string[];
  using: string | null;
  withCheck: string | null;
}

export interface Grant {
  /** Role name, or `PUBLIC`. */
  grantee: string;
  /** `SELECT`, `INSERT`, … */
  privilege: string;
  grantable: boolean;
}

export interface Table {
  schema: string;
  name: string;
  /** `table` or `partitioned` (a `PARTITION BY` parent). */
  kind: 'table' | 'partitioned';
  unlogged: boolean;
  /** `DEFAULT`, `FULL`, `NOTHING` or `USING INDEX "name"` (what logical replication sends for old rows). */
  replicaIdentity?: string;
  /** `RANGE (logdate)` for a partitioned table. */
  partitionKey: string | null;
  /** Set when this table is a partition. */
  partitionOf: { schema: string; table: string; bound: string } | null;
  /** Parents by plain inheritance (`INHERITS`), qualified; not partition parents. */
  inherits: QualifiedName[];
  columns: Column[];
  primaryKey: PrimaryKey | null;
  foreignKeys: ForeignKey[];
  uniqueConstraints: UniqueConstraint[];
  checks: CheckConstraint[];
  exclusions: ExclusionConstraint[];
  indexes: Index[];
  triggers: Trigger[];
  rowLevelSecurity: boolean;
  forceRowLevelSecurity: boolean;
  policies: Policy[];
  grants: Grant[];
  comment: string | null;
}

export interface View {
  schema: string;
  name: string;
  materialized: boolean;
  /** `pg_get_viewdef` output (the SELECT). */
  definition: string;
  columns: { name: string; type: string }[];
  /**
   * What this view reads, from pg_depend, quoted and qualified: `table:s.n`, `view:s.n`,
   * `function:s.f(args)`, `type:s.n` (enums and domains).
   */
  dependsOn: string[];
  /** `WITH (security_barrier=…)` etc. */
  options: string[];
  /** Indexes (materialized views only). */
  indexes: Index[];
  triggers: Trigger[];
  grants: Grant[];
  comment: string | null;
}

export interface FunctionDef {
  schema: string;
  name: string;
  /** `f` function, `p` procedure, `w` window. */
  kind: 'f' | 'p' | 'w';
  /** `pg_get_function_identity_arguments`: identifies the overload. */
  identityArguments: string;
  /** `pg_get_function_result`, null for procedures. */
  result: string | null;
  /** Full `CREATE OR REPLACE FUNCTION …` from `pg_get_functiondef`. */
  definition: string;
  comment: string | null;
  /** Functions this one calls, as `"schema"."name"(args)`, where PostgreSQL records it (SQL-standard `RETURN`/`BEGIN ATOMIC` bodies). */
  dependsOn?: string[];
}
