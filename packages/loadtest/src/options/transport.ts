import { readFileSync } from 'node:fs';
import { LoadtestError } from '../errors.js';

/**
 * TLS settings, as curl, k6 and oha take them. Files are paths (read when the run starts), so that settings,
 * baselines and shards never hold key material.
 */
export interface TlsOptions {
  /** Do not verify the server's certificate (self-signed staging servers). */
  insecure?: boolean;
  /** PEM file of the CA(s) to trust instead of the system's. */
  ca?: string;
  /** PEM client certificate for mutual TLS (with `key`). */
  cert?: string;
  /** PEM private key of `cert`. */
  key?: string;
  /** Server name sent in SNI and checked against the certificate (default: the URL's host). */
  servername?: string;
}

/** TLS settings after validation (paths made absolute). */
export interface ResolvedTls {
  insecure: boolean;
  ca?: string;
  cert?: string;
  key?: string;
  servername?: string;
}

/** Reads a TLS file; one clear `LOADTEST_TLS_FILE` error when it cannot. */
export function readTlsFile(kind: 'ca' | 'cert' | 'key', path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new LoadtestError('LOADTEST_TLS_FILE', `cannot read --${kind} file ${path} (${code})`, { cause: err });
  }
}

/** Validates TLS options: files readable, `cert` and `key` together. */
export function resolveTls(tls: TlsOptions | undefined, url: URL): ResolvedTls | undefined {
  if (tls === undefined) return undefined;
  if ((tls.cert === undefined) !== (tls.key === undefined)) {
    throw new LoadtestError('LOADTEST_TLS_FILE', `--cert and --key go together (mutual TLS): only --${tls.cert === undefined ? 'key' : 'cert'} was given`);
  }
  if (url.protocol !== 'https:' && (tls.insecure || tls.ca || tls.cert || tls.servername)) {
    throw new LoadtestError('LOADTEST_INVALID_OPTION', `TLS options need an https:// URL, got ${url.href}`);
  }
  for (const kind of ['ca', 'cert', 'key'] as const) {
    const path = tls[kind];
    if (path !== undefined) readTlsFile(kind, path);
  }
  if (tls.servername !== undefined && !/^[A-Za-z0-9.-]+$/.test(tls.servername)) {
    throw new LoadtestError('LOADTEST_INVALID_OPTION', `invalid server name ${JSON.stringify(tls.servername)}`);
  }
  return {
    insecure: tls.insecure === true,
    ...(tls.ca === undefined ? {} : { ca: tls.ca }),
    ...(tls.cert === undefined ? {} : { cert: tls.cert }),
    ...(tls.key === undefined ? {} : { key: tls.key }),
    ...(tls.servername === undefined ? {} : { servername: tls.servername }),
  };
}
