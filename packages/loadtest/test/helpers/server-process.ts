// A test server in its own process, so that it does not share the generator's event loop (accuracy tests).
// argv: `delay <ms>` answers after ms; `stall <periodMs> <stallMs>` holds requests in the last stallMs of every period.
// IPC: answers `'lateness'` with how late its own event loop ran (µs beyond a 10 ms timer), so tests can tell how
// much of a latency the busy machine added on the server's side.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const [mode, a, b] = process.argv.slice(2);
const epoch = performance.now();
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const server = http.createServer((req, res) => {
  req.resume();
  if (mode === 'delay') return void setTimeout(() => res.end('ok'), Number(a));
  const period = Number(a);
  const stall = Number(b);
  const phase = (performance.now() - epoch) % period;
  if (phase < period - stall) res.end('ok');
  else setTimeout(() => res.end('ok'), period - phase);
});
server.keepAliveTimeout = 60_000;
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('message', (m) => {
  if (m !== 'lateness') return;
  const late = (ns: number): number => Math.max(0, Math.round(ns / 1000 - 10_000));
  process.send?.({ lateness: { p99: late(loop.percentile(99)), max: late(loop.max) } });
});
process.on('disconnect', () => process.exit(0));
