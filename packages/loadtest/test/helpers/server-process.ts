// A test server in its own process, so that it does not share the generator's event loop (accuracy tests).
// argv: `delay <ms>` answers after ms; `stall <periodMs> <stallMs>` holds requests in the last stallMs of every period.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const [mode, a, b] = process.argv.slice(2);
const epoch = performance.now();
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
process.on('disconnect', () => process.exit(0));
