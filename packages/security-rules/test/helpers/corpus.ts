import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { scan, type ScanResult } from '../../src/index.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'corpus');

/** Lines labelled `// expect: <rule>` in a corpus file. */
function labelled(file: string, rule: string): number[] {
  return readFileSync(file, 'utf8').split('\n').flatMap((text, i) => {
    const m = /\/\/ expect: ([\w-]+(?:\s*,\s*[\w-]+)*)/.exec(text);
    return m?.[1]?.split(',').map((s) => s.trim()).includes(rule) ? [i + 1] : [];
  });
}

/**
 * The corpus cases of one rule: every vulnerable file must be reported on exactly its labelled lines (as
 * confirmed findings), every fixed file must produce no finding of the rule at all.
 */
export function corpusCases(rule: string): void {
  const dir = join(CORPUS, rule);
  let result: ScanResult;
  beforeAll(async () => {
    result = await scan({ paths: [dir], tsconfig: join(CORPUS, 'tsconfig.json'), rules: [rule] });
  });
  const names = readdirSync(dir).sort();
  const lines = (name: string, confirmedOnly: boolean): number[] =>
    result.findings.filter((f) => f.location.file === name && (!confirmedOnly || f.confidence === 'taint-confirmed')).map((f) => f.location.line).sort((a, b) => a - b);
  for (const name of names.filter((n) => n.includes('fixed'))) {
    it(`reports nothing in the fixed variant ${name}`, () => {
      expect(lines(name, false)).toEqual([]);
    });
  }
  const vulnerable = names.filter((n) => !n.includes('fixed')).map((n) => [n, labelled(join(dir, n), rule)] as const).filter(([, e]) => e.length > 0);
  for (const [name, expected] of vulnerable) {
    it(`reports exactly the labelled lines ${expected.join(', ')} of ${name}`, () => {
      expect(lines(name, true)).toEqual(expected);
    });
  }
}
