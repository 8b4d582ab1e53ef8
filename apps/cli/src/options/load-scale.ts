import { Flags } from '@oclif/core';
import type { LoadTestOptions } from '@sb/loadtest';

/** `sb load` flags for HTTP/2, TLS, shards and live metrics (shared with `sb load k8s`, which passes them on). */
export const scaleFlags = {
  http2: Flags.boolean({ description: 'HTTP/2: ALPN over https://, prior knowledge (h2c) over http://; --pipelining is then streams per connection.', helpGroup: 'TRANSPORT' }),
  insecure: Flags.boolean({ char: 'k', description: 'Do not verify the server certificate (self-signed staging servers).', helpGroup: 'TRANSPORT' }),
  ca: Flags.string({ description: 'PEM file of the CA to trust.', helpGroup: 'TRANSPORT' }),
  cert: Flags.string({ description: 'PEM client certificate (mutual TLS, with --key).', helpGroup: 'TRANSPORT' }),
  key: Flags.string({ description: 'PEM private key of --cert.', helpGroup: 'TRANSPORT' }),
  servername: Flags.string({ description: 'Server name for SNI and certificate checks (default: the URL host).', helpGroup: 'TRANSPORT' }),
  segment: Flags.string({ description: 'Run only shard i of N (i/N): its share of the rate or of the connections. With --save, writes a shard for `sb load merge`.', helpGroup: 'SHARDS' }),
  'start-at': Flags.string({ description: 'Start sending at this ISO time (e.g. 2026-12-04T16:00:00Z), so that all shards start together.', helpGroup: 'SHARDS' }),
  out: Flags.string({ description: 'Live metrics: prometheus=[HOST]:PORT (scrape endpoint, 127.0.0.1 by default) or otlp=URL (repeatable).', multiple: true, helpGroup: 'METRICS' }),
};

/** The parsed values of `scaleFlags`. */
export interface ScaleFlags {
  http2?: boolean;
  insecure?: boolean;
  ca?: string;
  cert?: string;
  key?: string;
  servername?: string;
  segment?: string;
  'start-at'?: string;
  out?: string[];
}

/** `scaleFlags` → library options (pure; the library validates files, segment, time and targets). */
export function scaleOptions(flags: ScaleFlags, parseSegment: (text: string) => { index: number; count: number }): Partial<LoadTestOptions> {
  const tls = {
    ...(flags.insecure ? { insecure: true } : {}),
    ...(flags.ca === undefined ? {} : { ca: flags.ca }),
    ...(flags.cert === undefined ? {} : { cert: flags.cert }),
    ...(flags.key === undefined ? {} : { key: flags.key }),
    ...(flags.servername === undefined ? {} : { servername: flags.servername }),
  };
  return {
    ...(flags.http2 ? { http2: true } : {}),
    ...(Object.keys(tls).length > 0 ? { tls } : {}),
    ...(flags.segment === undefined ? {} : { segment: parseSegment(flags.segment) }),
    ...(flags['start-at'] === undefined ? {} : { startAt: flags['start-at'] }),
    ...(flags.out === undefined ? {} : { out: flags.out }),
  };
}

/** What `--save` writes: the shard (one JSON line for `-` = stdout, for `kubectl logs`) when the run was one segment, else a baseline. */
export function savedText(saved: object, path: string): string {
  return path === '-' ? `${JSON.stringify(saved)}\n` : `${JSON.stringify(saved, null, 2)}\n`;
}
