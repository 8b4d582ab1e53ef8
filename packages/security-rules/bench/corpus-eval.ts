import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { scan } from '../src/index.js';
import { RULES } from '../src/scan/rules/registry.js';
import { findSourceFiles } from '../src/scan/project/find-files.js';
import { PEER_MAP, runPeer } from './peer-eslint.js';

/** Precision/recall of one tool on one rule's corpus folder. */
export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export interface RuleRow {
  readonly rule: string;
  readonly expected: number;
  readonly ours: Score;
  readonly peer: Score | undefined;
}

const key = (file: string, line: number): string => `${file}:${line}`;
const folderOf = (file: string): string => file.split(sep)[0] ?? '';

/** `// expect: rule-a, rule-b` comments: the corpus labels, keyed by rule → file:line. */
export function readLabels(corpus: string): Map<string, Set<string>> {
  const labels = new Map<string, Set<string>>();
  for (const abs of findSourceFiles([corpus])) {
    const file = relative(corpus, abs);
    readFileSync(abs, 'utf8').split('\n').forEach((text, i) => {
      const m = /\/\/ expect: ([\w-]+(?:\s*,\s*[\w-]+)*)/.exec(text);
      for (const rule of m?.[1]?.split(',').map((s) => s.trim()) ?? []) {
        labels.set(rule, (labels.get(rule) ?? new Set()).add(key(file, i + 1)));
      }
    });
  }
  return labels;
}

function score(found: Set<string>, expected: Set<string>): Score {
  let tp = 0;
  for (const f of found) if (expected.has(f)) tp++;
  return { tp, fp: found.size - tp, fn: expected.size - tp };
}

/** Scores us (confirmed findings, the default gate) and eslint-plugin-security per rule, each rule on its own folder. */
export async function evaluateCorpus(corpus: string): Promise<{ rows: RuleRow[]; oursFixedNoise: number; peerFixedNoise: number; peerUnmapped: number; peerTotal: number }> {
  const labels = readLabels(corpus);
  const result = await scan({ paths: [corpus] });
  const confirmed = result.findings.filter((f) => f.confidence === 'taint-confirmed');
  const peer = await runPeer(corpus, ['**/*.ts', '**/*.js']);
  const peerRel = peer.findings.map((f) => ({ ...f, file: relative(corpus, f.file) }));
  const rows: RuleRow[] = RULES.map(({ meta: { id } }) => {
    const expected = labels.get(id) ?? new Set<string>();
    const ours = new Set(confirmed.filter((f) => f.ruleId === id && folderOf(f.location.file) === id).map((f) => key(f.location.file, f.location.line)));
    const mapped = peerRel.filter((f) => f.mapped === id);
    const theirs = new Set(mapped.filter((f) => folderOf(f.file) === id).map((f) => key(f.file, f.line)));
    const hasPeerRule = Object.values(PEER_MAP).includes(id);
    return { rule: id, expected: expected.size, ours: score(ours, expected), peer: hasPeerRule ? score(theirs, expected) : { tp: 0, fp: 0, fn: expected.size } };
  });
  const isFixed = (file: string): boolean => /fixed/.test(file);
  return {
    rows,
    oursFixedNoise: confirmed.filter((f) => isFixed(f.location.file) && folderOf(f.location.file) === f.ruleId).length,
    peerFixedNoise: peerRel.filter((f) => isFixed(f.file)).length,
    peerUnmapped: peerRel.filter((f) => f.mapped === undefined).length,
    peerTotal: peerRel.length,
  };
}

export const corpusDir = join(import.meta.dirname, '..', 'corpus');
