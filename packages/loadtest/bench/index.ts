// Generator CPU per 100k requests: @sb/loadtest vs autocannon against the same local server, alternating runs,
// 50 connections. Usage: pnpm bench [requests=100000] [rounds=3]. Writes bench/results/latest.json.
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REQUESTS = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const CONNECTIONS = 50;
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

interface Run {
  tool: string;
  requests: number;
  wallMs: number;
  cpuMs: number;
  rssPeakMB: number;
  rps: number;
}

const server = fork(here('./server.ts'), { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const port = await new Promise<number>((resolve) => server.once('message', (m: { port: number }) => resolve(m.port)));
const url = `http://127.0.0.1:${port}/`;

function runOne(tool: string): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', here('./run-one.ts'), tool, url, String(REQUESTS), String(CONNECTIONS)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Run;
}

const runs: Run[] = [];
try {
  runOne('sb'); // warm the server's JIT; not counted
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['sb', 'autocannon'] : ['autocannon', 'sb'];
    for (const tool of order) {
      const run = runOne(tool);
      runs.push(run);
      console.log(`${tool.padEnd(10)} ${run.requests} req  cpu ${run.cpuMs} ms  wall ${run.wallMs} ms  ${run.rps} req/s  peak RSS ${run.rssPeakMB} MB`);
    }
  }
} finally {
  server.kill();
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const per100k = (tool: string): number => median(runs.filter((r) => r.tool === tool).map((r) => (r.cpuMs * 100_000) / r.requests));
const ours = per100k('sb');
const theirs = per100k('autocannon');
const rss = (tool: string): number => Math.max(...runs.filter((r) => r.tool === tool).map((r) => r.rssPeakMB));
const summary = {
  requests: REQUESTS,
  connections: CONNECTIONS,
  rounds: ROUNDS,
  cpuMsPer100k: { sb: Math.round(ours), autocannon: Math.round(theirs) },
  ratio: Math.round((ours / theirs) * 100) / 100,
  peakRssMB: { sb: rss('sb'), autocannon: rss('autocannon') },
  node: process.version,
  runs,
};
console.log(
  `\ngenerator CPU per 100k requests: sb ${summary.cpuMsPer100k.sb} ms, autocannon ${summary.cpuMsPer100k.autocannon} ms → ratio ${summary.ratio}× (target ≤ 0.8×)`,
);
console.log(`peak RSS: sb ${summary.peakRssMB.sb} MB, autocannon ${summary.peakRssMB.autocannon} MB`);
mkdirSync(here('./results'), { recursive: true });
writeFileSync(here('./results/latest.json'), `${JSON.stringify(summary, null, 2)}\n`);
