import type { AnalyzeResult, Finding } from '@sb/migrator';

/** The human report of `sb db analyze`. */
export function formatAnalyze(result: AnalyzeResult): string {
  const lines = [result.log ? `analyse → ${result.target}` : `analyse → ${result.target}  (statistics since ${result.statsResetAt ?? 'the server started'})`];
  if (result.log) {
    const l = result.log;
    lines.push(`log: ${l.file} (${l.format}, ${l.records} records, ${l.statements} statements in ${l.sessions} sessions)`);
  } else if (!result.pgStatStatements.available) {
    lines.push(`! pg_stat_statements unavailable: N+1 and slow-query checks skipped. To enable: ${result.pgStatStatements.howToEnable}`);
  }
  for (const f of result.findings) lines.push('', ...findingLines(f));
  const c = result.counts;
  const ran = result.checks.filter((k) => k.ran).length;
  lines.push('', `${ran} checks run, ${result.findings.length} findings: ${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low, ${c.info} info`);
  if (result.migration) lines.push(`fixes written to ${result.migration} (review, then: sb db migrate <dir> --dry-run)`);
  return lines.join('\n');
}

function findingLines(f: Finding): string[] {
  const out = [`${f.severity.toUpperCase().padEnd(8)} ${f.check}  ${f.object}`, `         ${f.title}`];
  const evidence = Object.entries(f.evidence)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(oneLine(v)) : String(v)}`);
  if (evidence.length > 0) out.push(`         evidence: ${evidence.join(', ')}`);
  if (f.fix) {
    const [first, ...rest] = f.fix.sql.split('\n');
    out.push(`         fix: ${first}`, ...rest.map((l) => `              ${l}`));
    if (f.fix.note) out.push(`         note: ${f.fix.note}`);
  }
  return out;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}
