import type { Histogram } from 'hdr-histogram-js';
import { createHistogram, encodeHistogram, recordUs } from './histogram.js';

/** Connection set-up of one run, serialisable and mergeable (histograms in µs, HDR compressed base64). */
export interface ConnectData {
  /** Connections established. */
  count: number;
  /** Connection attempts that failed. */
  failed: number;
  /** TCP connect time. */
  tcp: string;
  /** TLS handshake time after TCP connect (empty for http://). */
  tls: string;
  /** Connections by negotiated protocol (`h1`, `h2`). */
  protocols: Record<string, number>;
}

/** Records how long connections took to set up, apart from request latency. */
export class ConnectStats {
  readonly tcp: Histogram = createHistogram();
  readonly tls: Histogram = createHistogram();
  count = 0;
  failed = 0;
  readonly protocols: Record<string, number> = {};

  /** One connection: µs to TCP connect, µs of TLS handshake (0 for plain TCP), negotiated protocol. */
  record(tcpUs: number, tlsUs: number, protocol: string): void {
    this.count++;
    recordUs(this.tcp, tcpUs);
    if (tlsUs > 0) recordUs(this.tls, tlsUs);
    this.protocols[protocol] = (this.protocols[protocol] ?? 0) + 1;
  }

  toData(): ConnectData {
    return { count: this.count, failed: this.failed, tcp: encodeHistogram(this.tcp), tls: encodeHistogram(this.tls), protocols: { ...this.protocols } };
  }
}
