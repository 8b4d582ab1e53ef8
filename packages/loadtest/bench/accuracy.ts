// Accuracy check (not a test): the two scenarios of the issue, servers in a child process.
//  1. a server that always takes 20 ms: p50 must be ≈ 20–22 ms, never below the floor (closed and --rate);
//  2. a server that stalls 1 s in every 5 s, at 1000 req/s for 10 s: true p90 ≈ 500 ms, p99 ≈ 950 ms.
// Each run warms up 2 s; a fresh stall server stalls in [4, 5) and [9, 10) s of its life, so the measured
// window [2, 12) holds exactly two stalls (20% of the time).
// Usage: node --import tsx bench/accuracy.ts [delay|stall]
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runLoadTest, type LoadTestResult } from '../src/index.js';

const ms = (us: number): string => `${(us / 1000).toFixed(1)} ms`;

async function withServer<T>(mode: string, fn: (url: string) => Promise<T>): Promise<T> {
  const child = fork(fileURLToPath(new URL('./accuracy-server.ts', import.meta.url)), [mode], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  try {
    return await fn(`http://127.0.0.1:${port}/`);
  } finally {
    child.kill();
  }
}

function line(label: string, r: LoadTestResult): string {
  const lag = r.rate ? ` · sent ${(r.rate.ratio * 100).toFixed(1)}% of asked · generator lag p99 ${ms(r.rate.generatorLag.p99)}` : '';
  const cpu = ` · generator CPU ${r.generator.cpuCores} cores · ${r.connections} conns`;
  return `${label.padEnd(34)} p50 ${ms(r.latency.p50)} · p90 ${ms(r.latency.p90)} · p99 ${ms(r.latency.p99)} · max ${ms(r.latency.max)}${lag}${cpu}`;
}

const only = process.argv[2];
if (only !== 'stall') await withServer('delay', async (url) => {
  console.log(line('20 ms server, closed, 50 conns', await runLoadTest({ url, concurrency: 50, duration: 5, warmup: 2 })));
  console.log(line('20 ms server, --rate 1000', await runLoadTest({ url, rate: 1000, duration: 5, warmup: 2 })));
});
if (only !== 'delay') await withServer('stall', async (url) => {
  console.log(line('stall 1 s/5 s, --rate 1000, 10 s', await runLoadTest({ url, rate: 1000, duration: 10, warmup: 2 })));
  console.log(line('stall 1 s/5 s, closed, 50 conns', await runLoadTest({ url, concurrency: 50, duration: 10, warmup: 2 })));
});
