/**
 * OpenAPI → code: our full generation (types + precompiled validators + routes + handler stubs) per framework
 * against openapi-typescript's types alone, on GitHub's REST description (13 MB, 1,223 operations), one run
 * each in a fresh process. Prints wall and CPU time, peak RSS, the ratio, the regeneration time after a
 * one-operation edit, and how long `tsc --strict` takes on the generated tree.
 * `BENCH_SPEC=<file>` benches another spec; `BENCH_TSC=0` skips the type-check.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const SPEC = process.env['BENCH_SPEC'] ?? require.resolve('@octokit/openapi/generated/api.github.com.json');
const TMP = fileURLToPath(new URL(`./.tmp/scaffold-${process.pid}/`, import.meta.url));
const JOB = fileURLToPath(new URL('./scaffold-job.ts', import.meta.url));

interface Job {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  detail: Record<string, unknown>;
}

async function job(...args: string[]): Promise<Job> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', JOB, ...args], { maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Job;
}

const fmt = (j: Job): string => `${(j.wallMs / 1000).toFixed(2)} s wall, ${(j.cpuMs / 1000).toFixed(2)} s CPU, ${j.maxRssMb} MB peak RSS`;

await mkdir(TMP, { recursive: true });
try {
  console.log(`spec: ${path.relative(process.cwd(), SPEC)}`);
  const peer = await job('openapi-typescript', SPEC, path.join(TMP, 'openapi-typescript.d.ts'));
  console.log(`openapi-typescript (types only):      ${fmt(peer)}`);
  for (const fw of ['express', 'fastify', 'koa']) {
    const ours = await job('scaffold', SPEC, fw, path.join(TMP, fw));
    const ratio = peer.wallMs / ours.wallMs;
    console.log(`sb scaffold --framework ${fw.padEnd(8)} (full): ${fmt(ours)}  → ${ratio.toFixed(2)}× openapi-typescript's wall time (${(peer.cpuMs / ours.cpuMs).toFixed(2)}× CPU)  ${JSON.stringify(ours.detail)}`);
    if (process.env['BENCH_TSC'] !== '0') {
      const tsc = await job('tsc', path.join(TMP, fw));
      console.log(`  tsc --strict on the ${fw} tree:       ${fmt(tsc)}  ${JSON.stringify(tsc.detail)}`);
    }
  }
  const regen = await job('scaffold', SPEC, 'fastify', path.join(TMP, 'regen'), 'regen');
  console.log(`regenerate after a one-operation edit: ${JSON.stringify(regen.detail)}`);
  console.log(`load average during the run: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await rm(TMP, { recursive: true, force: true });
}
