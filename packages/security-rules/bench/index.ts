import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, evaluateCorpus, type Score } from './corpus-eval.js';
import { speedBench } from './speed.js';

const pct = (n: number, d: number): string => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(0).padStart(4)}%`);
const pr = (s: Score): string => `P ${pct(s.tp, s.tp + s.fp)} R ${pct(s.tp, s.tp + s.fn)}`;

const corpus = await evaluateCorpus(corpusDir);
console.log('Corpus: per-rule precision (P) and recall (R); ours = confirmed findings (the default gate)');
console.log(`${'rule'.padEnd(28)} ${'labels'.padStart(6)}   ${'@sb/security-rules'.padEnd(20)} eslint-plugin-security`);
const total = { ours: { tp: 0, fp: 0, fn: 0 }, peer: { tp: 0, fp: 0, fn: 0 } };
for (const r of corpus.rows) {
  console.log(`${r.rule.padEnd(28)} ${String(r.expected).padStart(6)}   ${pr(r.ours).padEnd(20)} ${r.peer ? pr(r.peer) : 'no rule'}`);
  for (const k of ['tp', 'fp', 'fn'] as const) {
    total.ours[k] += r.ours[k];
    total.peer[k] += r.peer?.[k] ?? 0;
  }
}
console.log(`${'TOTAL'.padEnd(28)} ${String(total.ours.tp + total.ours.fn).padStart(6)}   ${pr(total.ours).padEnd(20)} ${pr(total.peer)}`);
console.log(`findings on fixed variants: ours ${corpus.oursFixedNoise} (own rule, confirmed), eslint-plugin-security ${corpus.peerFixedNoise} (any rule)`);
console.log(`eslint-plugin-security: ${corpus.peerTotal} findings, ${corpus.peerUnmapped} from rules with no counterpart here`);

const quick = process.argv.includes('--quick');
const speed = await speedBench({ lines: quick ? 10_000 : 100_000 });
console.log(`\nSpeed: generated TypeScript backend, ${speed.files} files, ${speed.lines} lines`);
console.log(`  @sb/security-rules      wall ${(speed.ours.ms / 1000).toFixed(1)} s, CPU ${(speed.ours.cpuMs / 1000).toFixed(1)} s  ${speed.ours.filesPerSec.toFixed(0)} files/s  peak RSS ${speed.ours.rssMb} MB  (${speed.ours.findings} confirmed findings)`);
console.log(`  eslint-plugin-security  wall ${(speed.peer.ms / 1000).toFixed(1)} s, CPU ${(speed.peer.cpuMs / 1000).toFixed(1)} s  ${speed.peer.filesPerSec.toFixed(0)} files/s  (${speed.peer.findings} findings)`);
console.log(`  ratio (ours / peer): wall ${(speed.ours.ms / speed.peer.ms).toFixed(2)}x, CPU ${(speed.ours.cpuMs / speed.peer.cpuMs).toFixed(2)}x`);

const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'latest.json'), JSON.stringify({ corpus, total, speed }, null, 2));
