import { readFileSync, writeFileSync } from 'node:fs';
import type { Finding, FixEdit } from '../model/finding.js';

/** What `applyFixes` changed. */
export interface FixReport {
  readonly applied: number;
  readonly skipped: number;
  readonly files: readonly string[];
}

/**
 * Applies the autofixes of the given findings to the files on disk. Edits are applied from the end of each
 * file backwards; an edit that overlaps one already taken is skipped (run the scan again to pick it up).
 */
export function applyFixes(findings: readonly Finding[]): FixReport {
  const byFile = new Map<string, { edits: FixEdit[]; finding: number }[]>();
  findings.forEach((f, i) => {
    if (!f.fix) return;
    for (const file of new Set(f.fix.edits.map((e) => e.file))) {
      byFile.set(file, [...(byFile.get(file) ?? []), { edits: f.fix.edits.filter((e) => e.file === file), finding: i }]);
    }
  });
  const appliedFindings = new Set<number>();
  const skippedFindings = new Set<number>();
  const files: string[] = [];
  for (const [file, groups] of byFile) {
    let text = readFileSync(file, 'utf8');
    const taken: [number, number][] = [];
    const all = groups.flatMap((g) => g.edits.map((e) => ({ e, finding: g.finding }))).sort((a, b) => b.e.start - a.e.start || b.e.end - a.e.end);
    const clash = (s: number, e: number): boolean => taken.some(([ts, te]) => (s < te && e > ts) || (s === e && s > ts && s < te));
    const ok = new Set(groups.filter((g) => !g.edits.some((e) => clash(e.start, e.end))).map((g) => g.finding));
    const seenText = new Set<string>();
    for (const { e, finding } of all) {
      if (!ok.has(finding) || clash(e.start, e.end)) {
        skippedFindings.add(finding);
        continue;
      }
      const key = `${e.start}:${e.end}:${e.text}`;
      if (seenText.has(key)) continue; // the same startup check from two findings
      seenText.add(key);
      text = text.slice(0, e.start) + e.text + text.slice(e.end);
      if (e.end > e.start) taken.push([e.start, e.end]);
      appliedFindings.add(finding);
    }
    writeFileSync(file, text);
    files.push(file);
  }
  for (const f of appliedFindings) skippedFindings.delete(f);
  return { applied: appliedFindings.size, skipped: skippedFindings.size, files };
}
