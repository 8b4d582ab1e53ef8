import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';
import type { ResolvedOptions } from '../options/types.js';
import { readTlsFile } from '../options/transport.js';
import type { ConnectStats } from '../stats/connect-stats.js';

/**
 * undici 7 fails only the queued requests of a client whose certificate does not match the server name
 * (`ERR_TLS_CERT_ALTNAME_INVALID`) and then never reconnects it: every later request on that connection waits
 * forever. Under another code it takes the ordinary path (fail the pending requests, reconnect on the next one).
 */
function renamed(err: Error): Error {
  if ((err as NodeJS.ErrnoException).code !== 'ERR_TLS_CERT_ALTNAME_INVALID') return err;
  return Object.assign(new Error(err.message, { cause: err }), { code: 'ERR_TLS_SERVERNAME_MISMATCH' });
}

/**
 * undici's own connector (TLS session cache, ALPN, h2c prior knowledge), wrapped to time TCP connect and the TLS
 * handshake of every connection apart from request latency.
 */
export function timedConnector(settings: ResolvedOptions, stats: ConnectStats): buildConnector.connector {
  const tls = settings.tls;
  const h2c = settings.http2 === true && settings.url.startsWith('http:');
  const connector = buildConnector({
    timeout: settings.timeout,
    allowH2: settings.http2 === true,
    ...(h2c ? { useH2c: true } : {}),
    ...(tls?.insecure ? { rejectUnauthorized: false } : {}),
    ...(tls?.ca === undefined ? {} : { ca: readTlsFile('ca', tls.ca) }),
    ...(tls?.cert === undefined ? {} : { cert: readTlsFile('cert', tls.cert) }),
    ...(tls?.key === undefined ? {} : { key: readTlsFile('key', tls.key) }),
    ...(tls?.servername === undefined ? {} : { servername: tls.servername }),
  } as buildConnector.BuildOptions);
  return (options, callback) => {
    const start = performance.now();
    let tcpAt = 0;
    const socket = (connector as unknown as (o: typeof options, cb: typeof callback) => Socket)(options, (err, connected) => {
      const now = performance.now();
      if (err === null) {
        const alpn = (connected as TLSSocket).alpnProtocol;
        const tcp = (tcpAt || now) - start;
        stats.record(tcp * 1000, tcpAt > 0 && options.protocol === 'https:' ? (now - tcpAt) * 1000 : 0, alpn === 'h2' || h2c ? 'h2' : 'h1');
      } else {
        stats.failed++;
      }
      (callback as (e: Error | null, s: typeof connected) => void)(err === null ? null : renamed(err), connected);
    });
    socket?.once('connect', () => (tcpAt = performance.now()));
  };
}
