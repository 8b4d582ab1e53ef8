import { blockedQuery } from './checks/blocked-query.js';
import { connections } from './checks/connections.js';
import { duplicateIndex } from './checks/duplicate-index.js';
import { fkWithoutIndex } from './checks/fk-without-index.js';
import { hotPointQuery } from './checks/hot-point-query.js';
import { invalidConstraint } from './checks/invalid-constraint.js';
import { invalidIndex } from './checks/invalid-index.js';
import { longRunningQuery } from './checks/long-running-query.js';
import { lowCacheHitRate } from './checks/low-cache-hit-rate.js';
import { missingPrimaryKey } from './checks/missing-primary-key.js';
import { nPlusOne } from './checks/n-plus-one.js';
import { replication } from './checks/replication.js';
import { seqScanHeavy } from './checks/seq-scan-heavy.js';
import { sequenceExhaustion } from './checks/sequence-exhaustion.js';
import { slowQuery } from './checks/slow-query.js';
import { unusedIndex } from './checks/unused-index.js';
import { xidWraparound } from './checks/xid-wraparound.js';
import type { Check } from './types.js';

/** Every check, in report order. */
export const CHECKS: Check[] = [
  fkWithoutIndex,
  duplicateIndex,
  unusedIndex,
  invalidIndex,
  missingPrimaryKey,
  seqScanHeavy,
  sequenceExhaustion,
  nPlusOne,
  hotPointQuery,
  slowQuery,
  xidWraparound,
  invalidConstraint,
  longRunningQuery,
  blockedQuery,
  lowCacheHitRate,
  connections,
  replication,
];
