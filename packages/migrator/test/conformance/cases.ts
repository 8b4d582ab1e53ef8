/**
 * Every case of the migra suite with what we expect of it. `downFails` marks a case whose down
 * migration cannot run for a stated reason that the tests assert (the error must match).
 */
export interface CaseExpectation {
  /** Why up works but down cannot, and the error PostgreSQL gives. */
  downFails?: { reason: string; error: RegExp };
  /** Why the case cannot run on PGlite at all, and the load error that shows it. */
  pgliteSkip?: { reason: string; error: RegExp };
}

export const CASES: Record<string, CaseExpectation> = {
  collations: {},
  constraints: {},
  dependencies: {},
  dependencies2: {},
  dependencies3: {},
  dependencies4: {},
  enumdefaults: {},
  enumdeps: {},
  everything: {},
  excludeschema: {},
  extversions: {
    downFails: {
      reason: 'down would downgrade pg_trgm 1.4 → 1.3, and PostgreSQL ships no downgrade scripts',
      error: /no update path from version "1\.4" to version "1\.3"/,
    },
  },
  generated: {},
  generated_added: {},
  identitycols: {},
  inherit: {},
  inherit2: {},
  partitioning: {},
  privileges: {},
  rls: {},
  rls2: {},
  seq: {},
  singleschema: {},
  singleschema_ext: {},
  triggers: {},
  triggers2: {},
  triggers3: {},
};
