/**
 * What the runner must know about a statement before running it: whether PostgreSQL refuses it inside a
 * transaction block, and advice for statements that run outside one (they cannot be rolled back, so an
 * interrupted run must be safe to resume).
 */
export function lintStatement(
  kind: string,
  node: Record<string, unknown> | undefined,
): { nonTransactional?: string; warnings: string[] } {
  const warnings: string[] = [];
  const reason = nonTransactionalReason(kind, node ?? {});
  if (kind === 'IndexStmt' && node?.['concurrent'] === true) {
    const rel = node['relation'] as { schemaname?: string; relname?: string } | undefined;
    const name = rel?.relname ? `${rel.schemaname ? `${rel.schemaname}.` : ''}${rel.relname}` : 'the table';
    warnings.push(`will take SHARE UPDATE EXCLUSIVE on ${name}: reads and writes continue; it waits for transactions older than it`);
    if (node['if_not_exists'] !== true) {
      warnings.push('CREATE INDEX CONCURRENTLY without IF NOT EXISTS: if the run is interrupted, the rerun fails on the leftover (INVALID) index');
    }
    if (node['unique'] === true) warnings.push('a UNIQUE index build fails if duplicates exist: check first');
  }
  if (kind === 'DropStmt' && node?.['concurrent'] === true && node['missing_ok'] !== true) {
    warnings.push('DROP INDEX CONCURRENTLY without IF EXISTS: a resumed run fails if the index is already gone');
  }
  return reason ? { nonTransactional: reason, warnings } : { warnings };
}

function nonTransactionalReason(kind: string, node: Record<string, unknown>): string | undefined {
  switch (kind) {
    case 'IndexStmt':
      return node['concurrent'] === true ? 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
    case 'DropStmt':
      return node['concurrent'] === true ? 'DROP INDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
    case 'ReindexStmt': {
      const params = (node['params'] as Array<{ DefElem?: { defname?: string } }> | undefined) ?? [];
      return params.some((p) => p.DefElem?.defname === 'concurrently')
        ? 'REINDEX CONCURRENTLY cannot run inside a transaction block'
        : undefined;
    }
    case 'VacuumStmt':
      return node['is_vacuumcmd'] === false ? undefined : 'VACUUM cannot run inside a transaction block';
    case 'CreatedbStmt':
    case 'DropdbStmt':
      return 'CREATE/DROP DATABASE cannot run inside a transaction block';
    case 'AlterSystemStmt':
      return 'ALTER SYSTEM cannot run inside a transaction block';
    case 'CreateTableSpaceStmt':
    case 'DropTableSpaceStmt':
      return 'CREATE/DROP TABLESPACE cannot run inside a transaction block';
    case 'CreateSubscriptionStmt':
    case 'DropSubscriptionStmt':
      return 'CREATE/DROP SUBSCRIPTION (with a slot) cannot run inside a transaction block';
    case 'TransactionStmt':
      return 'transaction control (BEGIN/COMMIT/ROLLBACK) is managed by the runner';
    default:
      return undefined;
  }
}
