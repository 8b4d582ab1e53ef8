import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadtestError, runLoadTest } from '../../src/index.js';
import { h2cServer, makeCerts, type TestCerts, tlsServer } from '../helpers/tls-servers.js';

describe('TLS', () => {
  let certs: TestCerts;
  beforeAll(async () => {
    certs = await makeCerts();
  });
  afterAll(() => certs.remove());

  it('fails every request on a self-signed server without --insecure, and names the cause', async () => {
    const server = await tlsServer(certs);
    try {
      const result = await runLoadTest({ url: server.url, requests: 5, concurrency: 1 });
      expect(result.responses).toBe(0);
      expect(result.errors.tls).toBe(5);
      expect(result.errorSamples.tls).toMatch(/self[- ]signed/i);
    } finally {
      await server.close();
    }
  });

  it('loads a self-signed server with insecure, and reports the handshake apart from request latency', async () => {
    const server = await tlsServer(certs, { delayMs: 2 });
    try {
      const result = await runLoadTest({ url: server.url, requests: 40, concurrency: 4, tls: { insecure: true } });
      expect(result.statusCodes).toEqual({ '200': 40 });
      expect(result.connect?.count).toBe(4);
      expect(result.connect?.tls?.count).toBe(4);
      expect(result.connect?.tls?.p50).toBeGreaterThan(0);
      expect(result.connect?.protocols).toEqual({ h1: 4 });
      expect(result.settings.tls).toEqual({ insecure: true });
    } finally {
      await server.close();
    }
  });

  it('trusts a CA file and sends the server name asked for', async () => {
    const server = await tlsServer(certs);
    try {
      const result = await runLoadTest({ url: server.url, requests: 10, concurrency: 2, tls: { ca: certs.cert, servername: 'staging.test' } });
      expect(result.statusCodes).toEqual({ '200': 10 });
      expect([...server.seen.servernames]).toEqual(['staging.test']);
    } finally {
      await server.close();
    }
  });

  it('fails fast, request after request, when the certificate does not match the server name', async () => {
    const server = await tlsServer(certs);
    try {
      const result = await runLoadTest({ url: server.url, requests: 6, concurrency: 1, tls: { ca: certs.cert, servername: 'wrong.test' } });
      expect(result.errors.tls).toBe(6);
      expect(result.errorSamples.tls).toContain("does not match certificate's altnames");
    } finally {
      await server.close();
    }
  });

  it('presents a client certificate for mutual TLS; without it the server refuses', async () => {
    const server = await tlsServer(certs, { requestCert: true });
    try {
      const withCert = await runLoadTest({ url: server.url, requests: 6, concurrency: 2, tls: { ca: certs.cert, cert: certs.clientCert, key: certs.clientKey } });
      expect(withCert.statusCodes).toEqual({ '200': 6 });
      expect(server.seen.clientCertificates).toBeGreaterThan(0);
      const without = await runLoadTest({ url: server.url, requests: 3, concurrency: 1, tls: { ca: certs.cert } });
      expect(without.responses).toBe(0);
      expect(without.errorCount).toBe(3);
    } finally {
      await server.close();
    }
  });

  it('refuses unreadable files and a certificate without its key before any request', async () => {
    await expect(runLoadTest({ url: 'https://127.0.0.1:1/', tls: { ca: '/nonexistent/ca.pem' } })).rejects.toThrow('cannot read --ca file /nonexistent/ca.pem (ENOENT)');
    const err: unknown = await runLoadTest({ url: 'https://127.0.0.1:1/', tls: { cert: certs.clientCert } }).catch((e: unknown) => e);
    expect(LoadtestError.is(err) && err.code).toBe('LOADTEST_TLS_FILE');
    expect((err as Error).message).toBe('--cert and --key go together (mutual TLS): only --cert was given');
  });
});

describe('HTTP/2', () => {
  let certs: TestCerts;
  beforeAll(async () => {
    certs = await makeCerts();
  });
  afterAll(() => certs.remove());

  it('negotiates h2 over TLS with ALPN and runs several streams on one connection', async () => {
    const server = await tlsServer(certs, { h2: true, delayMs: 20 });
    try {
      const result = await runLoadTest({ url: server.url, requests: 200, concurrency: 1, pipelining: 10, http2: true, tls: { insecure: true } });
      expect(result.statusCodes).toEqual({ '200': 200 });
      expect([...server.seen.protocols]).toEqual(['2.0']);
      expect(result.connect?.protocols).toEqual({ h2: 1 });
      expect(result.connect?.streamsPerConnection).toBe(10);
      expect(server.seen.maxStreamsOnOneSession).toBe(10);
      expect(result.connect?.peakStreamsPerConnection).toBe(10);
    } finally {
      await server.close();
    }
  });

  it('speaks h2c with prior knowledge on a cleartext URL', async () => {
    const server = await h2cServer(5);
    try {
      const result = await runLoadTest({ url: server.url, requests: 60, concurrency: 2, pipelining: 4, http2: true });
      expect(result.statusCodes).toEqual({ '200': 60 });
      expect([...server.seen.protocols]).toEqual(['2.0']);
      expect(result.connect?.protocols).toEqual({ h2: 2 });
      expect(result.connect?.tls).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('falls back to HTTP/1.1 when the server offers no h2, and says so', async () => {
    const server = await tlsServer(certs);
    try {
      const result = await runLoadTest({ url: server.url, requests: 10, concurrency: 1, http2: true, tls: { insecure: true } });
      expect(result.statusCodes).toEqual({ '200': 10 });
      expect(result.connect?.protocols).toEqual({ h1: 1 });
    } finally {
      await server.close();
    }
  });
});
