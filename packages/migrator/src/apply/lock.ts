import { quoteLiteral } from '../sql/quote.js';
import type { Queryable } from '../connection/queryable.js';
import { MigratorError } from '../errors.js';
import { trackingName, type TrackingTable } from './tracking.js';

/** First key of the two-key advisory lock: identifies sb's migration runner ("sb" + 1). */
const NAMESPACE = 0x73620001;

/**
 * Takes the session-level advisory lock that serialises runners on one tracking table, waiting for
 * another runner to finish — at most `waitLiteral` (a validated `lock_timeout` literal). Session-level
 * (not transaction-level) because transaction:false migrations span many transactions. Gives up with
 * `MIGRATOR_LOCKED`, naming the session that holds the lock.
 */
export async function acquireRunnerLock(db: Queryable, t: TrackingTable, waitLiteral: string): Promise<void> {
  const key = `${NAMESPACE}, hashtext(${quoteLiteral(trackingName(t))})`;
  await db.query(`set lock_timeout = ${waitLiteral}`);
  try {
    await db.query(`select pg_advisory_lock(${key})`);
  } catch (cause) {
    if ((cause as { code?: string }).code !== '55P03') throw cause;
    const { rows } = await db.query<{ pid: number; app: string; since: Date | null }>(`
      select a.pid, a.application_name as app, a.backend_start as since
      from pg_locks l join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.granted and l.classid = ${NAMESPACE}::oid
        and l.objid = hashtext(${quoteLiteral(trackingName(t))})::oid and l.objsubid = 2
      limit 1`).catch(() => ({ rows: [] as Array<{ pid: number; app: string; since: Date | null }> }));
    const holder = rows[0] ? ` by pid ${rows[0].pid} (${rows[0].app || 'no application_name'})` : '';
    throw new MigratorError(
      'MIGRATOR_LOCKED',
      `another runner holds the migration lock on ${trackingName(t)}${holder}; gave up waiting after ${waitLiteral.replace(/'/g, '')}. Let it finish, or stop it`,
      { cause },
    );
  } finally {
    await db.query('reset lock_timeout').catch(() => undefined);
  }
}

export async function releaseRunnerLock(db: Queryable, t: TrackingTable): Promise<void> {
  await db.query(`select pg_advisory_unlock(${NAMESPACE}, hashtext(${quoteLiteral(trackingName(t))}))`);
}
