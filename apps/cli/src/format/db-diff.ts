import type { MigrationPlan, Operation, RenameSuggestion, WriteMigrationResult } from '@sb/migrator';

/** What `sb db diff --json` prints. */
export interface DbDiffResult {
  /** `identical` (no file), `written`, `refused` (destructive, no file, exit 1), `printed` (no --output). */
  status: 'identical' | 'written' | 'refused' | 'printed';
  from: string;
  to: string;
  files: string[];
  up: Operation[];
  down: Operation[];
  destructive: { sql: string; reason: string }[];
  heavyLocks: { sql: string; lock: string }[];
  warnings: string[];
  renameSuggestions: RenameSuggestion[];
  upSql: string;
  downSql: string;
}

export function toDbDiffResult(plan: MigrationPlan, written: WriteMigrationResult | undefined, allowDestructive: boolean): DbDiffResult {
  let status: DbDiffResult['status'];
  if (plan.identical) status = 'identical';
  else if (plan.destructive.length > 0 && !allowDestructive) status = 'refused';
  else status = written ? 'written' : 'printed';
  return {
    status,
    from: plan.from,
    to: plan.to,
    files: written?.files ?? [],
    up: plan.up,
    down: plan.down,
    destructive: plan.destructive.map((op) => ({ sql: op.sql, reason: op.destructive! })),
    heavyLocks: plan.heavyLocks.map((op) => ({ sql: op.sql, lock: op.lock! })),
    warnings: plan.warnings,
    renameSuggestions: plan.renameSuggestions,
    upSql: plan.upSql,
    downSql: plan.downSql,
  };
}

const SIGN: Record<string, string> = { create: '+', add: '+', drop: '-', grant: '+', revoke: '-' };

function changeLine(op: Operation): string {
  const sign = SIGN[op.kind.split(' ')[0]!] ?? '~';
  return `  ${sign} ${op.kind} ${op.object}${op.destructive ? '  [destructive]' : ''}${op.lock ? '  [heavy lock]' : ''}`;
}

/** The human report: what changes, what is destructive, what locks, what to do next. */
export function formatDbDiff(result: DbDiffResult, plan: MigrationPlan): string {
  const out: string[] = [];
  for (const warning of result.warnings.filter((w) => w.includes('not compared'))) out.push(`WARNING ${warning}`);
  if (result.status === 'identical') {
    out.push(`schemas are identical (${result.from} = ${result.to}): nothing to write`);
    return out.join('\n');
  }
  const seen = new Set<string>();
  const lines = plan.up.filter((op) => {
    const key = `${op.kind} ${op.object}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  out.push(`${result.from} -> ${result.to}: ${plan.up.length} statement(s)`, '', 'Changes:', ...lines.map(changeLine));
  if (result.destructive.length > 0) {
    out.push('', `Destructive (${result.destructive.length}):`, ...result.destructive.map((d) => `  ${d.sql}\n      ${d.reason}`));
  }
  if (result.heavyLocks.length > 0) out.push('', `Heavy locks (${result.heavyLocks.length}):`, ...result.heavyLocks.map((l) => `  ${l.sql.split('\n')[0]}\n      ${l.lock}`));
  const opWarnings = result.warnings.filter((w) => !w.includes('not compared'));
  if (opWarnings.length > 0) out.push('', 'May fail on existing data:', ...opWarnings.map((w) => `  ${w}`));
  if (result.renameSuggestions.length > 0) {
    out.push('', 'Likely renames (a drop + add that looks like one):');
    for (const r of result.renameSuggestions) out.push(`  ${r.from} -> ${r.to}: ${r.sql}  (accept with --rename ${r.flag})`);
  }
  out.push('');
  if (result.status === 'refused') {
    out.push(`Refused: ${result.destructive.length} destructive statement(s); nothing written. Review them, then re-run with --allow-destructive.`);
  } else if (result.status === 'written') {
    out.push(...result.files.map((f) => `Wrote ${f}`));
  } else {
    out.push('-- migrate:up', result.upSql, '', '-- migrate:down', result.downSql, '', '(printed only: pass --output <dir> to write the file)');
  }
  return out.join('\n');
}
