import { LoadtestError } from '../errors.js';

/** Where live metrics go during a run. */
export type MetricsTarget =
  /** A Prometheus scrape endpoint (`GET /metrics`) served while the run lasts. */
  | { kind: 'prometheus'; host: string; port: number }
  /** OpenTelemetry metrics pushed over OTLP/HTTP (JSON) to `url` (e.g. a collector's `/v1/metrics`). */
  | { kind: 'otlp'; url: string };

function invalid(text: string, why: string): never {
  throw new LoadtestError('LOADTEST_METRICS_OUT', `invalid --out ${JSON.stringify(text)}: ${why}`);
}

/**
 * Parses an `--out` target: `prometheus=:9464` (binds 127.0.0.1), `prometheus=0.0.0.0:9464`, or `otlp=URL` (a URL
 * without a path gets `/v1/metrics`, as OTEL_EXPORTER_OTLP_ENDPOINT does).
 */
export function parseMetricsTarget(text: string): MetricsTarget {
  const eq = text.indexOf('=');
  const kind = eq < 0 ? text : text.slice(0, eq);
  const value = eq < 0 ? '' : text.slice(eq + 1);
  if (kind === 'prometheus') {
    const match = /^(?:\[?([^\]]*?)\]?)?:(\d{1,5})$/.exec(value);
    if (!match) return invalid(text, 'expected prometheus=[HOST]:PORT, e.g. prometheus=:9464');
    const port = Number(match[2]);
    if (port > 65_535) invalid(text, `port ${port} is out of range`);
    return { kind, host: match[1] || '127.0.0.1', port };
  }
  if (kind === 'otlp') {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return invalid(text, 'expected otlp=URL, e.g. otlp=http://127.0.0.1:4318');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') invalid(text, 'the OTLP URL must be http:// or https://');
    if (url.pathname === '/' || url.pathname === '') url.pathname = '/v1/metrics';
    return { kind, url: url.href };
  }
  return invalid(text, 'expected prometheus=[HOST]:PORT or otlp=URL');
}
