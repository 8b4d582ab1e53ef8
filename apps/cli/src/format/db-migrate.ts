import type { MigrateResult, MigrationReport, StatementReport } from '@sb/migrator';

/** The human report of `sb db migrate`. */
export function formatMigrate(result: MigrateResult): string {
  const lines: string[] = [];
  const verb = result.direction === 'down' ? 'roll back' : 'apply';
  lines.push(`${result.dryRun ? `dry run (${verb}, rolled back: nothing persists)` : verb} → ${result.target}  [${result.trackingTable}]`);
  if (result.migrations.length === 0) {
    lines.push(`nothing to ${verb}: ${result.alreadyApplied} migration(s) already applied`);
  }
  for (const m of result.migrations) {
    lines.push(migrationLine(m));
    if (result.dryRun || m.status === 'failed' || m.status === 'partial' || m.resumedAt) {
      for (const s of m.statements) lines.push(...statementLines(s));
    }
  }
  const f = result.failure;
  if (f) {
    lines.push('', `✖ ${f.location}: ${f.error.code ? `ERROR ${f.error.code}: ` : ''}${f.error.message}`);
    lines.push(`  statement: ${oneLine(f.statement, 200)}`);
    if (f.error.detail) lines.push(`  detail: ${f.error.detail}`);
    if (f.error.hint) lines.push(`  hint: ${f.error.hint}`);
    lines.push(
      f.rolledBack
        ? '  rolled back: nothing of this migration persists; the tracking table is unchanged'
        : `  transaction:false: ${f.statementsApplied} statement(s) persist and are recorded; fix and rerun to resume`,
    );
  } else if (!result.dryRun && result.migrations.length > 0) {
    lines.push(`${result.migrations.length} migration(s) ${result.direction === 'down' ? 'rolled back' : 'applied'}, ${result.alreadyApplied} already applied`);
  }
  return lines.join('\n');
}

function migrationLine(m: MigrationReport): string {
  const mark = m.status === 'failed' || m.status === 'partial' ? '✖' : '✔';
  const tx = m.transaction ? '' : ' (transaction:false)';
  const resumed = m.resumedAt ? `, resumed at statement ${m.resumedAt}` : '';
  return `${mark} ${m.fileName}  ${m.status}${tx} in ${m.durationMs.toFixed(1)} ms, ${m.statements.length} statement(s)${resumed}`;
}

function statementLines(s: StatementReport): string[] {
  const head = `    ${String(s.index).padStart(2)}  ${s.location}  ${oneLine(s.sql, 60)}`;
  const out = [head];
  if (s.status === 'ok') {
    const rows = s.rows === null || s.rows === undefined ? '' : `, ${s.rows} row(s)`;
    const locks = s.locks && s.locks.length > 0 ? `; locks: ${s.locks.map((l) => `${l.label} on ${l.relation}${l.heldBefore ? ' (already held)' : ''}`).join(', ')}` : '';
    out.push(`        ${s.command ?? 'ok'}${rows} in ${(s.durationMs ?? 0).toFixed(1)} ms${locks}`);
  } else {
    out.push(`        ${s.status}`);
  }
  for (const note of s.notes) out.push(`        ! ${note}`);
  return out;
}

function oneLine(sql: string, max: number): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
