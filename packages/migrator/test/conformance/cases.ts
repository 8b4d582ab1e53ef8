/**
 * Every case of the migra suite with what we expect of it. `downKeeps` marks a case whose down
 * migration restores everything but one stated thing, which the down section says in a comment.
 */
export interface CaseExpectation {
  /** Why down cannot restore everything, and the comment (the only remaining difference) that says so. */
  downKeeps?: { reason: string; comment: RegExp };
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
    downKeeps: {
      reason: 'down would downgrade pg_trgm 1.4 → 1.3, and PostgreSQL ships no downgrade scripts',
      comment: /^-- extension pg_trgm has no update path from version 1\.4 to 1\.3 on this server: left at 1\.4/,
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
