import { quoteLiteral } from '../analyze/quote.js';
import type { Queryable } from '../connection/queryable.js';
import { trackingName, type TrackingTable } from './tracking.js';

/** First key of the two-key advisory lock: identifies sb's migration runner ("sb" + 1). */
const NAMESPACE = 0x73620001;

/**
 * Takes the session-level advisory lock that serialises runners on one tracking table, waiting for
 * another runner to finish. Session-level (not transaction-level) because transaction:false migrations
 * span many transactions.
 */
export async function acquireRunnerLock(db: Queryable, t: TrackingTable): Promise<void> {
  await db.query(`select pg_advisory_lock(${NAMESPACE}, hashtext(${quoteLiteral(trackingName(t))}))`);
}

export async function releaseRunnerLock(db: Queryable, t: TrackingTable): Promise<void> {
  await db.query(`select pg_advisory_unlock(${NAMESPACE}, hashtext(${quoteLiteral(trackingName(t))}))`);
}
