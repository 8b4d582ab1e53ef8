// The target of the benchmark: a minimal Node HTTP server in its own process, so its CPU is not counted.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const body = Buffer.from('hello world');
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => process.exit(0));
