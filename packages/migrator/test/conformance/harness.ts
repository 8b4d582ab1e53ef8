import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Queryable } from '../../src/connection/queryable.js';
import { diffSnapshots } from '../../src/diff/diff-snapshots.js';
import { introspect, type IntrospectOptions } from '../../src/introspect/introspect.js';
import type { Operation } from '../../src/plan/operation.js';
import { preludeFor } from '../../src/plan/render.js';
import { resetShadow } from '../../src/shadow/load-schema-file.js';

/** Introspection options per case, as migra's own tests use them. */
export const CASE_OPTIONS: Record<string, IntrospectOptions> = {
  excludeschema: { excludeSchemas: ['excludedschema'] },
  singleschema: { schemas: ['goodschema'] },
  singleschema_ext: { schemas: ['goodschema'] },
};

/** Empties a database between cases: the shadow loader's own reset (every user schema dropped, `public` recreated). */
export const resetDatabase = resetShadow;

/**
 * Runs each statement on its own (CONCURRENTLY cannot run inside a multi-statement string), in the order
 * of the written files: the transactional statements, then those that run outside a transaction.
 */
export async function applyOperations(db: Queryable, ops: Operation[]): Promise<void> {
  for (const sql of preludeFor(ops)) await db.query(sql);
  for (const op of [...ops.filter((o) => o.transaction), ...ops.filter((o) => !o.transaction)]) {
    try {
      await db.query(op.sql);
    } catch (error) {
      throw new Error(`${op.sql}\n→ ${(error as Error).message}`, { cause: error });
    }
  }
}

export interface ConvergenceResult {
  up: Operation[];
  down: Operation[];
  /** Statements still needed after applying up (must be empty). */
  afterUp: string[];
  /** Statements still needed after applying down (must be empty). */
  afterDown: string[];
}

/** Loads a.sql into `a` and b.sql into `b`, migrates a → b, checks, migrates back, checks. */
export async function runConvergence(dir: string, name: string, a: Queryable, b: Queryable, exec: (db: Queryable, sql: string) => Promise<void>): Promise<ConvergenceResult> {
  return convergeSql(readFileSync(join(dir, name, 'a.sql'), 'utf8'), readFileSync(join(dir, name, 'b.sql'), 'utf8'), a, b, exec, CASE_OPTIONS[name] ?? {});
}

/** The same round trip from SQL text: up must converge to b, down must restore a. */
export async function convergeSql(
  aSql: string,
  bSql: string,
  a: Queryable,
  b: Queryable,
  exec: (db: Queryable, sql: string) => Promise<void>,
  options: IntrospectOptions & { renames?: string[]; reverseRenames?: string[] } = {},
): Promise<ConvergenceResult> {
  await exec(a, aSql);
  await exec(b, bSql);
  const original = await introspect(a, options);
  const target = await introspect(b, options);
  const up = diffSnapshots(original, target, { renames: options.renames ?? [] }).operations;
  await applyOperations(a, up);
  const migrated = await introspect(a, options);
  const afterUp = diffSnapshots(migrated, target).operations.map((op) => op.sql);
  const down = diffSnapshots(migrated, original, { renames: options.reverseRenames ?? [] }).operations;
  await applyOperations(a, down);
  const restored = await introspect(a, options);
  const afterDown = diffSnapshots(restored, original).operations.map((op) => op.sql);
  return { up, down, afterUp, afterDown };
}
