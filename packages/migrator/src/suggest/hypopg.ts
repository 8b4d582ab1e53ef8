import type { Queryable } from '../connection/queryable.js';
import { hypotheticalIndexSql } from '../workload/index-ddl.js';
import type { Candidate } from './candidates.js';

/**
 * Makes HypoPG usable in the current transaction: already installed, or created inside it (the caller
 * rolls the transaction back, so nothing persists). Returns why not when it cannot.
 */
export async function enableHypopg(db: Queryable): Promise<{ available: boolean; reason?: string }> {
  const { rows } = await db.query<{ installed: boolean; offered: boolean }>(`
    select exists (select 1 from pg_extension where extname = 'hypopg') as installed,
           exists (select 1 from pg_available_extensions where name = 'hypopg') as offered`);
  if (rows[0]?.installed) return { available: true };
  if (!rows[0]?.offered) return { available: false, reason: 'HypoPG is not installed on the server (e.g. apt-get install postgresql-15-hypopg)' };
  await db.query('savepoint sb_hypopg');
  try {
    await db.query('create extension hypopg');
    await db.query('release savepoint sb_hypopg');
    return { available: true };
  } catch (error) {
    await db.query('rollback to savepoint sb_hypopg');
    return { available: false, reason: `cannot create the hypopg extension: ${(error as Error).message}` };
  }
}

/** Creates a hypothetical index (planner-only, this session) and returns its id and name. */
export async function hypotheticalIndex(db: Queryable, c: Candidate): Promise<{ id: number; name: string }> {
  const { rows } = await db.query<{ indexrelid: number; indexname: string }>('select indexrelid, indexname from hypopg_create_index($1)', [hypotheticalIndexSql(c)]);
  return { id: rows[0]!.indexrelid, name: rows[0]!.indexname };
}

export async function dropHypothetical(db: Queryable, id: number): Promise<void> {
  await db.query('select hypopg_drop_index($1)', [id]);
}
