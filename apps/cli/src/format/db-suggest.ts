import type { SuggestResult } from '@sb/migrator';

/** The human report of `sb db suggest-indexes`. */
export function formatSuggest(result: SuggestResult): string {
  const lines = [
    `suggest indexes → ${result.target}  (queries from ${result.source}; ${result.hypopg.available ? `verified with HypoPG, kept when cost drops ≥ ${Math.round(result.minImprovement * 100)}%` : `UNVERIFIED: ${result.hypopg.reason}`})`,
  ];
  for (const q of result.queries) {
    const cost = q.costBefore !== undefined && q.costAfter !== undefined ? `  cost ${q.costBefore} → ${q.costAfter} (−${Math.round(100 * (1 - q.costAfter / q.costBefore))}%)` : '';
    const where = q.location ?? (q.calls !== undefined ? `${q.calls} calls, ${q.totalMs} ms total` : '');
    lines.push(`${q.status.padEnd(12)} ${oneLine(q.query)}${where ? `  [${where}]` : ''}${cost}${q.reason ? `  (${q.reason})` : ''}`);
  }
  lines.push('');
  if (result.suggestions.length === 0) lines.push('no index suggested');
  for (const s of result.suggestions) {
    lines.push(`${s.verified ? '✔ verified  ' : '? unverified'} ${s.sql}`);
    for (const q of s.queries) {
      const cost = q.costBefore !== undefined ? `cost ${q.costBefore} → ${q.costAfter}` : 'cost not checked';
      lines.push(`               ${cost}: ${oneLine(q.query)}`);
    }
  }
  if (result.migration) lines.push('', `migration written: ${result.migration}`);
  return lines.join('\n');
}

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 89)}…` : flat;
}
