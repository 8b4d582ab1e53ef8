// `delay`: answers after 20 ms. `stall`: answers at once except in the last second of every 5 s (from start),
// when requests are held until the second ends.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const mode = process.argv[2];
const epoch = performance.now();
const server = http.createServer((_req, res) => {
  if (mode === 'delay') return void setTimeout(() => res.end('ok'), 20);
  const phase = (performance.now() - epoch) % 5000;
  if (phase < 4000) res.end('ok');
  else setTimeout(() => res.end('ok'), 5000 - phase);
});
server.keepAliveTimeout = 60_000;
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => process.exit(0));
