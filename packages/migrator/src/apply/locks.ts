import type { Queryable } from '../connection/queryable.js';
import type { LockReport } from './types.js';

const LABELS: Record<string, string> = {
  AccessShareLock: 'ACCESS SHARE',
  RowShareLock: 'ROW SHARE',
  RowExclusiveLock: 'ROW EXCLUSIVE',
  ShareUpdateExclusiveLock: 'SHARE UPDATE EXCLUSIVE',
  ShareLock: 'SHARE',
  ShareRowExclusiveLock: 'SHARE ROW EXCLUSIVE',
  ExclusiveLock: 'EXCLUSIVE',
  AccessExclusiveLock: 'ACCESS EXCLUSIVE',
};

/**
 * The relation locks this session holds, leaving out the system catalogs (PostgreSQL locks catalog rows
 * while running DDL, and our own snapshot query locks `pg_locks`' sources) and the ROW EXCLUSIVE locks
 * every write takes on a table's indexes (noise: the table's own lock says it all).
 */
export async function heldLocks(db: Queryable): Promise<LockReport[]> {
  const { rows } = await db.query<{ mode: string; relation: string }>(`
    select l.mode, coalesce(n.nspname || '.' || c.relname, 'oid ' || l.relation::text) as relation
    from pg_locks l
    left join pg_class c on c.oid = l.relation
    left join pg_namespace n on n.oid = c.relnamespace
    where l.pid = pg_backend_pid() and l.locktype = 'relation' and l.granted
      and (n.nspname is null or (n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'))
      and l.relation >= 16384
      and (c.relkind is null or c.relkind not in ('i', 'I') or l.mode = 'AccessExclusiveLock')
    order by 2, 1`);
  return rows.map((r) => ({ mode: r.mode, label: LABELS[r.mode] ?? r.mode, relation: r.relation }));
}

const STRENGTH = Object.keys(LABELS);

/**
 * The locks a statement took: those held after it that were not held before, plus those held before on
 * relations the statement names (taken again by it, but already held by an earlier statement of the same
 * dry-run transaction: flagged `heldBefore`). One lock per relation, the strongest.
 */
export function statementLocks(before: LockReport[], after: LockReport[], relations: string[]): LockReport[] {
  const seen = new Set(before.map((l) => `${l.mode}|${l.relation}`));
  const named = (relation: string) => relations.some((r) => relation === r || relation.endsWith(`.${r}`));
  const picked = after
    .map((l) => (seen.has(`${l.mode}|${l.relation}`) ? (named(l.relation) ? { ...l, heldBefore: true } : undefined) : l))
    .filter((l): l is LockReport => l !== undefined);
  const strongest = new Map<string, LockReport>();
  for (const l of picked) {
    const current = strongest.get(l.relation);
    if (!current || STRENGTH.indexOf(l.mode) > STRENGTH.indexOf(current.mode)) strongest.set(l.relation, l);
  }
  return [...strongest.values()];
}
