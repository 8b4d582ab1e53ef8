import type { Finding } from '../model/finding.js';

/** A `// sb-ignore <rule>` comment without the required `: <reason>`. */
export interface SuppressionProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

const IGNORE = /\/\/\s*sb-ignore\s+([\w-]+(?:\s*,\s*[\w-]+)*)\s*(?::\s*(.*))?$/;

/**
 * Applies `// sb-ignore <rule>[, <rule>]: <reason>` comments at the end of the finding's line, or alone on the line above.
 * A comment without a reason suppresses nothing and is reported.
 */
export function applySuppressions(findings: readonly Finding[], readText: (file: string) => string | undefined): { kept: Finding[]; suppressed: (Finding & { reason: string })[]; problems: SuppressionProblem[] } {
  const kept: Finding[] = [];
  const suppressed: (Finding & { reason: string })[] = [];
  const problems = new Map<string, SuppressionProblem>();
  const lines = new Map<string, string[]>();
  const linesOf = (file: string): string[] => {
    let l = lines.get(file);
    if (!l) {
      l = (readText(file) ?? '').split('\n');
      lines.set(file, l);
    }
    return l;
  };
  for (const f of findings) {
    const ls = linesOf(f.location.file);
    let matched: { reason: string } | undefined;
    for (const n of [f.location.line, f.location.line - 1]) {
      const text = ls[n - 1] ?? '';
      const m = IGNORE.exec(text);
      if (!m || (n !== f.location.line && !/^\s*\/\//.test(text))) continue;
      const rules = (m[1] ?? '').split(',').map((r) => r.trim());
      if (!rules.includes(f.ruleId) && !rules.includes('all')) continue;
      const reason = (m[2] ?? '').trim();
      if (reason === '') {
        problems.set(`${f.location.file}:${n}`, { file: f.location.file, line: n, message: `sb-ignore ${rules.join(', ')} needs a reason: // sb-ignore ${f.ruleId}: <why this is safe>` });
        continue;
      }
      matched = { reason };
    }
    if (matched) suppressed.push({ ...f, reason: matched.reason });
    else kept.push(f);
  }
  return { kept, suppressed, problems: [...problems.values()] };
}
