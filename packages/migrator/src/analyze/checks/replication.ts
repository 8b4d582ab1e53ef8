import { quoteLiteral } from '../quote.js';
import type { Check, Finding } from '../types.js';

/** Inactive replication slots (they retain WAL until the disk fills) and, on a replica, replay lag. */
export const replication: Check = {
  id: 'replication',
  async run({ db }) {
    const findings: Finding[] = [];
    const { rows: slots } = await db.query<{ name: string; retained: string | null }>(`
      select slot_name as name, pg_wal_lsn_diff(case when pg_is_in_recovery() then pg_last_wal_replay_lsn() else pg_current_wal_lsn() end, restart_lsn)::bigint::text as retained
      from pg_replication_slots where not active`);
    for (const s of slots) {
      findings.push({
        check: 'replication',
        severity: 'high',
        object: `slot ${s.name}`,
        title: `replication slot ${s.name} is inactive and retains ${s.retained ?? 'unknown'} bytes of WAL`,
        evidence: { slot: s.name, retainedWalBytes: s.retained === null ? null : Number(s.retained) },
        fix: { sql: `select pg_drop_replication_slot(${quoteLiteral(s.name)});`, migratable: false, note: 'only if its consumer is gone for good' },
      });
    }
    const { rows: lag } = await db.query<{ replica: boolean; seconds: number | null }>(
      `select pg_is_in_recovery() as replica, extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as seconds`,
    );
    const l = lag[0];
    if (l?.replica && l.seconds !== null && l.seconds > 5) {
      findings.push({
        check: 'replication',
        severity: l.seconds > 60 ? 'high' : 'medium',
        object: 'replica',
        title: `replica replay lag is ${Math.round(l.seconds)} s`,
        evidence: { lagSeconds: Math.round(l.seconds) },
      });
    }
    return findings;
  },
};
