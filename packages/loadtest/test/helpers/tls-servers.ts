import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { generate } from 'selfsigned';

/** A self-signed certificate for `localhost` and 127.0.0.1 (also a CA: it signs the client certificate), as PEM files. */
export interface TestCerts {
  dir: string;
  /** Server certificate (and the CA to trust). */
  cert: string;
  key: string;
  clientCert: string;
  clientKey: string;
  pem: { cert: string; key: string };
  remove(): void;
}

export async function makeCerts(): Promise<TestCerts> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 2, value: 'staging.test' }, { type: 7, ip: '127.0.0.1' }] },
    ],
    clientCertificate: { cn: 'sb-load', algorithm: 'sha256' },
  });
  const dir = mkdtempSync(join(tmpdir(), 'sb-tls-'));
  const files = { cert: pems.cert, key: pems.private, clientCert: pems.clientcert ?? '', clientKey: pems.clientprivate ?? '' };
  const paths = Object.fromEntries(Object.entries(files).map(([name]) => [name, join(dir, `${name}.pem`)])) as Record<keyof typeof files, string>;
  for (const [name, pem] of Object.entries(files)) writeFileSync(paths[name as keyof typeof files], pem);
  return { dir, ...paths, pem: { cert: pems.cert, key: pems.private }, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A server on 127.0.0.1:0 with what it saw: protocol versions, SNI names, whether a client certificate came. */
export interface SeenServer {
  url: string;
  seen: { protocols: Set<string>; servernames: Set<string>; clientCertificates: number; maxStreamsOnOneSession: number };
  close(): Promise<void>;
}

function track(server: http2.Http2SecureServer | http2.Http2Server | https.Server, seen: SeenServer['seen']): () => Promise<void> {
  const sockets = new Set<{ destroy(): void }>();
  server.on('connection', (socket: { destroy(): void; once(e: string, f: () => void): void }) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: TLSSocket) => {
    const name = (socket as TLSSocket & { servername?: string }).servername;
    if (name) seen.servernames.add(name);
    if (socket.getPeerCertificate()?.subject) seen.clientCertificates++;
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

function newSeen(): SeenServer['seen'] {
  return { protocols: new Set(), servernames: new Set(), clientCertificates: 0, maxStreamsOnOneSession: 0 };
}

async function listen(server: http2.Http2SecureServer | http2.Http2Server | https.Server, scheme: string): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Answers `ok` after `delayMs`, noting the HTTP version and the most streams open at once on one session. */
function handler(seen: SeenServer['seen'], delayMs: number) {
  const open = new WeakMap<object, number>();
  return (req: http2.Http2ServerRequest | import('node:http').IncomingMessage, res: { end(body: string): void }): void => {
    seen.protocols.add(req.httpVersion);
    const session = (req as http2.Http2ServerRequest).stream?.session ?? req.socket;
    const now = (open.get(session) ?? 0) + 1;
    open.set(session, now);
    if (now > seen.maxStreamsOnOneSession) seen.maxStreamsOnOneSession = now;
    req.resume();
    setTimeout(() => {
      open.set(session, (open.get(session) ?? 1) - 1);
      res.end('ok');
    }, delayMs);
  };
}

/** HTTPS (HTTP/1.1 only, or HTTP/2 with fallback when `h2`) with the test certificate; `requestCert` for mutual TLS. */
export async function tlsServer(certs: TestCerts, options: { h2?: boolean; requestCert?: boolean; delayMs?: number } = {}): Promise<SeenServer> {
  const seen = newSeen();
  const tls = { cert: certs.pem.cert, key: certs.pem.key, ...(options.requestCert ? { requestCert: true, rejectUnauthorized: true, ca: certs.pem.cert } : {}) };
  const server = options.h2
    ? http2.createSecureServer({ ...tls, allowHTTP1: true }, handler(seen, options.delayMs ?? 0))
    : https.createServer(tls, handler(seen, options.delayMs ?? 0));
  const url = await listen(server, 'https');
  return { url, seen, close: track(server, seen) };
}

/** Cleartext HTTP/2 only (h2c, prior knowledge): an HTTP/1.1 client gets nothing it can parse. */
export async function h2cServer(delayMs = 0): Promise<SeenServer> {
  const seen = newSeen();
  const server = http2.createServer({}, handler(seen, delayMs));
  const url = await listen(server, 'http');
  return { url, seen, close: track(server, seen) };
}
