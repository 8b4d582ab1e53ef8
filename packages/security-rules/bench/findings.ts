/**
 * Records what a scan finds, to check that a speed change leaves the findings identical:
 *
 *   node --import tsx bench/findings.ts record <path> <out.json>     # scan <path>, write the normalised result
 *   node --import tsx bench/findings.ts compare <path> <base.json>   # scan again, exit 1 on any difference
 *
 * Everything but the duration is kept: findings (every confidence, with flow, fix and fingerprint), suppressed,
 * baselined, routes, parse errors and the file count. Findings are compared in the order the scan reports them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { scan } from '../src/index.js';

const [mode, path, file] = process.argv.slice(2);
if ((mode !== 'record' && mode !== 'compare') || path === undefined || file === undefined) {
  throw new Error('usage: bench/findings.ts record|compare <path> <file.json>');
}

const result = await scan({ paths: [path] });
const { durationMs: _ignored, ...kept } = result;
const now = JSON.parse(JSON.stringify(kept)) as Record<string, unknown>;

if (mode === 'record') {
  writeFileSync(file, `${JSON.stringify(now, null, 1)}\n`);
  console.log(`${file}: ${result.findings.length} findings, ${result.routes.length} routes, ${result.filesScanned} files`);
} else {
  const base = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  let differs = 0;
  for (const k of new Set([...Object.keys(base), ...Object.keys(now)])) {
    const a = JSON.stringify(base[k]);
    const b = JSON.stringify(now[k]);
    if (a === b) continue;
    differs++;
    const la = Array.isArray(base[k]) ? (base[k] as unknown[]).map((x) => JSON.stringify(x)) : [a];
    const lb = Array.isArray(now[k]) ? (now[k] as unknown[]).map((x) => JSON.stringify(x)) : [b];
    const sa = new Set(la);
    const sb = new Set(lb);
    const gone = la.filter((x) => !sb.has(x));
    const added = lb.filter((x) => !sa.has(x));
    console.log(`${k}: ${gone.length} missing, ${added.length} new${gone.length + added.length === 0 ? ' (same items, different order)' : ''}`);
    for (const x of gone.slice(0, 5)) console.log(`  - ${x.slice(0, 300)}`);
    for (const x of added.slice(0, 5)) console.log(`  + ${x.slice(0, 300)}`);
  }
  console.log(differs === 0 ? `identical to ${file} (${result.findings.length} findings, ${result.routes.length} routes)` : `DIFFERENT from ${file}`);
  if (differs > 0) process.exitCode = 1;
}
