import type { StatusResult } from '@sb/migrator';

/** The human report of `sb db status`. */
export function formatStatus(result: StatusResult): string {
  const lines = [`${result.target}  [${result.trackingTable}${result.trackingTableExists ? '' : ': not created yet'}]`];
  for (const m of result.migrations) {
    let detail = '';
    if (m.state === 'applied') detail = `at ${m.appliedAt} in ${m.durationMs} ms`;
    if (m.state === 'partial') detail = `${m.statementsDone}/${m.statementsTotal} statements done: rerun migrate to resume`;
    if (m.state === 'changed') detail = `file changed since applied: applied ${m.appliedChecksum}, file now ${m.fileChecksum}`;
    if (m.state === 'missing-file') detail = 'applied, but the file is gone';
    lines.push(`${m.state.padEnd(12)} ${m.fileName}${detail ? `  ${detail}` : ''}`);
  }
  const c = result.counts;
  lines.push(`${c.applied} applied, ${c.pending} pending, ${c.changed} changed, ${c.partial} partial, ${c['missing-file']} missing file`);
  return lines.join('\n');
}
