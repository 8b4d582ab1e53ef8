// One measured run in a fresh process: `sb` (our runLoadTest) or `autocannon`, N requests over C connections.
// Prints {tool, requests, wallMs, cpuMs, rssPeakMB, rps} as one JSON line.
import autocannon from 'autocannon';
import { runLoadTest } from '../src/index.js';

const [tool, url, requestsArg, connectionsArg] = process.argv.slice(2);
const requests = Number(requestsArg);
const connections = Number(connectionsArg);

async function main(): Promise<void> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let completed = 0;
  if (tool === 'sb') {
    const result = await runLoadTest({ url: url!, concurrency: connections, requests });
    completed = result.requests;
  } else {
    const result = await autocannon({ url: url!, connections, amount: requests });
    completed = result.requests.total;
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const line = { tool, requests: completed, wallMs: Math.round(wallMs), cpuMs: Math.round(cpuMs), rssPeakMB: Math.round(process.resourceUsage().maxRSS / 1024), rps: Math.round((completed * 1000) / wallMs) };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

await main();
