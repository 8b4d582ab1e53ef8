/**
 * One step of a migration: a single SQL statement with what a reviewer needs to know about it.
 * The diff emits operations tagged with a {@link Phase}; {@link orderOperations} sorts them.
 */
export interface Operation {
  /** Where the statement goes in the migration: dependencies come first (see {@link Phase}). */
  phase: Phase;
  /** One SQL statement, ending with `;`. */
  sql: string;
  /** What it does, e.g. `drop column`, `create index`. */
  kind: string;
  /** The object it touches, e.g. `public.users.email`. */
  object: string;
  /** Set when the statement loses data: why. */
  destructive?: string;
  /** Set when the statement takes a heavy lock or rewrites/scans a table: which, and for how long. */
  lock?: string;
  /** Set when the statement may fail on existing data. */
  warning?: string;
  /** False for statements that cannot run in a transaction block (`CREATE INDEX CONCURRENTLY`). */
  transaction: boolean;
}

/**
 * The order of a migration. Within a phase, operations keep the order the diff emitted them in (views
 * and tables are emitted in dependency order).
 */
export const Phase = {
  rename: 5,
  createSchema: 10,
  createExtension: 20,
  dropTrigger: 30,
  dropPolicy: 31,
  dropView: 40,
  dropForeignKey: 50,
  dropConstraint: 60,
  dropIndex: 61,
  dropFunctionReplaced: 65,
  createType: 70,
  alterEnum: 71,
  recreateEnumStart: 80,
  createFunction: 90,
  disownSequence: 95,
  /** Partitions leave their parent before any table is dropped (a dropped parent would take them along). */
  detachBeforeDrop: 99,
  dropTable: 100,
  createTable: 110,
  detachPartition: 115,
  alterTable: 120,
  attachPartition: 125,
  recreateEnumEnd: 130,
  ownSequence: 140,
  addConstraint: 150,
  createIndex: 151,
  addForeignKey: 160,
  validate: 170,
  createView: 180,
  rowLevelSecurity: 190,
  createTrigger: 191,
  createPolicy: 192,
  grant: 193,
  replicaIdentity: 195,
  comment: 194,
  dropFunction: 200,
  dropType: 210,
  dropSequence: 211,
  dropCollation: 212,
  dropExtension: 220,
  dropSchema: 221,
  concurrentIndex: 300,
  /** Needs an index built concurrently just before (REPLICA IDENTITY USING INDEX). */
  afterConcurrentIndex: 310,
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** Sorts by phase, keeping emission order inside a phase. */
export function orderOperations(operations: Operation[]): Operation[] {
  return operations
    .map((op, index) => ({ op, index }))
    .sort((x, y) => x.op.phase - y.op.phase || x.index - y.index)
    .map((x) => x.op);
}
