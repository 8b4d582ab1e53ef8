import { relative } from 'node:path';
import type { Finding, ScanResult } from '@sb/security-rules/scan';

const ICON: Record<string, string> = { critical: 'CRIT', high: 'HIGH', medium: 'MED ', low: 'LOW ', info: 'INFO' };

/** A code frame: the flagged line with its number and a caret under the flagged span. */
export function codeFrame(f: Finding): string {
  const n = String(f.location.line);
  let text = f.location.snippet.replace(/\t/g, '  ');
  let column = f.location.column;
  // Minified or generated lines: show a window around the flagged column.
  if (text.length > 160) {
    const start = Math.max(0, column - 40);
    text = `${start > 0 ? '…' : ''}${text.slice(start, start + 120)}…`;
    column = column - start + (start > 0 ? 1 : 0);
  }
  const width = f.location.endLine === f.location.line ? Math.max(1, f.location.endColumn - f.location.column) : Math.max(1, text.length - column + 1);
  const caret = `${' '.repeat(Math.max(0, column - 1))}${'^'.repeat(Math.min(width, 80))}`;
  return `  ${n} | ${text}\n  ${' '.repeat(n.length)} | ${caret}`;
}

function formatFinding(f: Finding, root: string): string {
  const where = `${relative(process.cwd(), `${root}/${f.location.file}`) || f.location.file}:${f.location.line}:${f.location.column}`;
  const lines = [`${ICON[f.severity] ?? f.severity} ${f.ruleId}  ${where}${f.route ? `  [${f.route}]` : ''}`, `     ${f.message}${f.confidence === 'taint-confirmed' ? '' : ` (${f.confidence})`}`, codeFrame(f)];
  if (f.flow && f.flow.length > 1) {
    lines.push('     flow:');
    for (const s of f.flow) lines.push(`       ${s.location.file}:${s.location.line}  ${s.message}`);
  }
  if (f.fix) lines.push(`     fix (--fix): ${f.fix.description}`);
  return lines.join('\n');
}

/** Findings shown by default are the confirmed ones; `audit` adds type-narrowed and pattern findings. */
export function visibleFindings(result: ScanResult, audit: boolean): Finding[] {
  return result.findings.filter((f) => audit || f.confidence === 'taint-confirmed');
}

/** The human report: findings with code frames, then one summary line. */
export function formatScanText(result: ScanResult, opts: { audit: boolean; failed: boolean }): string {
  const shown = visibleFindings(result, opts.audit);
  const hidden = result.findings.length - shown.length;
  const out = shown.map((f) => formatFinding(f, result.root));
  const parts = [`${result.filesScanned} files, ${result.routes.length} routes, ${shown.length} finding${shown.length === 1 ? '' : 's'}`];
  if (hidden > 0) parts.push(`${hidden} more with --audit`);
  if (result.suppressed.length > 0) parts.push(`${result.suppressed.length} suppressed`);
  if (result.baselined.length > 0) parts.push(`${result.baselined.length} in baseline`);
  parts.push(`${(result.durationMs / 1000).toFixed(1)} s`);
  for (const p of result.suppressionProblems) out.push(`warning: ${p.file}:${p.line}: ${p.message}`);
  out.push(`${opts.failed ? 'FAIL' : 'ok'}: ${parts.join(', ')}`);
  return out.join('\n\n');
}
