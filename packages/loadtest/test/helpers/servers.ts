import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** A server on 127.0.0.1, port 0, with what it saw. */
export interface TestServer {
  url: string;
  /** Requests the server received. */
  received: { method: string; headers: http.IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

async function listen(server: net.Server): Promise<string> {
  // A deep accept backlog: an open-model run opens many connections at once when the server stalls.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(server: net.Server, sockets: Set<net.Socket>): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/** An HTTP server whose handler decides per request; keeps the last 100 requests it saw. */
export async function startServer(handler: (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void): Promise<TestServer> {
  const received: TestServer['received'] = [];
  const sockets = new Set<net.Socket>();
  let n = 0;
  const server = http.createServer((req, res) => {
    const index = ++n;
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (received.length < 100) received.push({ method: req.method ?? '', headers: req.headers, body });
      handler(req, res, index);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const url = await listen(server);
  return { url, received, close: closer(server, sockets) };
}

/** Always answers after `delayMs`. */
export function fixedDelayServer(delayMs: number): Promise<TestServer> {
  return startServer((_req, res) => setTimeout(() => res.end('ok'), delayMs));
}

/** A server that writes raw bytes back on every connection (for malformed responses). */
export async function rawServer(reply: string): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end(reply));
  });
  const url = await listen(server);
  return { url, received: [], close: closer(server, sockets) };
}

/** A URL where nothing listens (the port was just free). */
export async function refusingUrl(): Promise<string> {
  const server = net.createServer();
  const url = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

/** A server in a child process, which can say how late its own event loop ran (µs). */
export interface ChildServer extends TestServer {
  lateness(): Promise<{ p99: number; max: number }>;
}

/** A fixed-delay or stalling server in a child process (see server-process.ts). */
export async function childServer(...args: string[]): Promise<ChildServer> {
  const { fork } = await import('node:child_process');
  const child = fork(new URL('./server-process.ts', import.meta.url), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`test server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    received: [],
    lateness: () =>
      new Promise((resolve) => {
        child.once('message', (m: { lateness: { p99: number; max: number } }) => resolve(m.lateness));
        child.send('lateness');
      }),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
