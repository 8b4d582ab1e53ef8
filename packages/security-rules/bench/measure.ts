/**
 * Times `sb security scan` from the CLI in fresh processes under `/usr/bin/time -v` and prints medians:
 * CPU (user + sys), peak RSS, wall time, time to first output, and the load average around the runs.
 *
 *   node --import tsx bench/measure.ts <path> [runs=5] [-- extra scan flags]
 *
 * Build first (`pnpm exec turbo run build --filter=@sb/cli...`): this runs `apps/cli/bin/run.js`, as users do.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const [path, runsArg] = dash >= 0 ? argv.slice(0, dash) : argv;
const extra = dash >= 0 ? argv.slice(dash + 1) : ['--format', 'json', '--audit'];
if (path === undefined) throw new Error('usage: bench/measure.ts <path> [runs] [-- scan flags]');
const cli = join(import.meta.dirname, '..', '..', '..', 'apps', 'cli', 'bin', 'run.js');

interface Run { cpu: number; rssMb: number; wall: number; firstOutput: number; exit: number }

function once(): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstOutput = Number.NaN;
    let stderr = '';
    const child = spawn('/usr/bin/time', ['-v', process.execPath, cli, 'security', 'scan', path as string, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', () => {
      if (Number.isNaN(firstOutput)) firstOutput = performance.now() - started;
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const num = (label: string): number => Number(new RegExp(`${label}: ([\\d.]+)`).exec(stderr)?.[1] ?? Number.NaN);
      resolve({
        cpu: num('User time \\(seconds\\)') + num('System time \\(seconds\\)'),
        rssMb: num('Maximum resident set size \\(kbytes\\)') / 1024,
        wall: (performance.now() - started) / 1000,
        firstOutput: firstOutput / 1000,
        exit: num('Exit status'),
      });
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

const runs: Run[] = [];
const loadBefore = loadavg()[0] ?? 0;
for (let i = 0; i < Number(runsArg ?? 5); i++) {
  const r = await once();
  runs.push(r);
  console.error(`run ${i + 1}: CPU ${r.cpu.toFixed(2)} s, peak RSS ${r.rssMb.toFixed(0)} MB, wall ${r.wall.toFixed(2)} s, first output ${r.firstOutput.toFixed(2)} s, exit ${r.exit}`);
}
const loadAfter = loadavg()[0] ?? 0;
console.log(`${path}: median of ${runs.length}: CPU ${median(runs.map((r) => r.cpu)).toFixed(2)} s (min ${Math.min(...runs.map((r) => r.cpu)).toFixed(2)}), peak RSS ${median(runs.map((r) => r.rssMb)).toFixed(0)} MB, wall ${median(runs.map((r) => r.wall)).toFixed(2)} s, first output ${median(runs.map((r) => r.firstOutput)).toFixed(2)} s; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`);
