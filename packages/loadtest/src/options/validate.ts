import { LoadtestError } from '../errors.js';
import { resolveTls } from './transport.js';
import type { LoadTestOptions, ResolvedOptions } from './types.js';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function invalid(message: string): never {
  throw new LoadtestError('LOADTEST_INVALID_OPTION', message);
}

function positive(name: string, value: number | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    invalid(`${name} must be a positive ${integer ? 'integer' : 'number'}, got ${String(value)}`);
  }
  return value;
}

/** Checks a URL: absolute, http(s), with a host. */
export function validateUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return invalid(`invalid URL ${JSON.stringify(raw)}: not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    invalid(`invalid URL ${JSON.stringify(raw)}: only http:// and https:// are supported`);
  }
  return url;
}

function validateHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!TOKEN.test(name)) invalid(`invalid header name ${JSON.stringify(name)}`);
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) invalid(`invalid value for header ${JSON.stringify(name)}`);
    out[name] = value;
  }
  return out;
}

function validateStatuses(codes: number[] | undefined): number[] | undefined {
  if (codes === undefined) return undefined;
  if (codes.length === 0) invalid('expectStatus must list at least one status code');
  for (const code of codes) {
    if (!Number.isInteger(code) || code < 100 || code > 599) invalid(`invalid expected status code ${String(code)}`);
  }
  return codes;
}

/**
 * Validates options and fills in defaults. Throws `LOADTEST_INVALID_OPTION` naming the bad field, before
 * any request is sent.
 */
export function resolveOptions(options: LoadTestOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) invalid('options must be an object');
  const url = validateUrl(options.url);
  const method = (options.method ?? 'GET').toUpperCase();
  if (!TOKEN.test(method)) invalid(`invalid method ${JSON.stringify(options.method)}`);
  const rate = positive('rate', options.rate, false);
  const duration = positive('duration', options.duration, false);
  const requests = positive('requests', options.requests, true);
  const timeout = positive('timeout', options.timeout, false) ?? 10_000;
  const pipelining = positive('pipelining', options.pipelining, true) ?? 1;
  const workers = positive('workers', options.workers, true) ?? 1;
  const sampleIntervalMs = positive('sampleIntervalMs', options.sampleIntervalMs, false) ?? 500;
  const maxErrorRate = options.maxErrorRate ?? 0.01;
  if (typeof maxErrorRate !== 'number' || !(maxErrorRate >= 0 && maxErrorRate <= 1)) invalid(`maxErrorRate must be a fraction from 0 to 1, got ${String(maxErrorRate)}`);
  const warmup = options.warmup ?? 0;
  if (!Number.isFinite(warmup) || warmup < 0) invalid(`warmup must be zero or a positive number of seconds, got ${String(warmup)}`);
  const defaultCap = rate === undefined ? 10 : Math.min(4000, Math.max(16, Math.ceil(rate * 2)));
  const concurrency = positive('concurrency', options.concurrency, true) ?? defaultCap;
  if (workers > concurrency) invalid(`workers (${workers}) cannot exceed concurrency (${concurrency})`);
  let bodyBase64: string | undefined;
  if (options.body !== undefined) {
    if (typeof options.body !== 'string' && !Buffer.isBuffer(options.body)) invalid('body must be a string or a Buffer');
    bodyBase64 = Buffer.from(options.body).toString('base64');
  }
  const tls = resolveTls(options.tls, url);
  return {
    url: url.href,
    method,
    headers: validateHeaders(options.headers),
    ...(bodyBase64 === undefined ? {} : { bodyBase64 }),
    model: rate === undefined ? 'closed' : 'open',
    concurrency,
    ...(requests === undefined ? { duration: duration ?? 10 } : duration === undefined ? {} : { duration }),
    ...(requests === undefined ? {} : { requests }),
    ...(rate === undefined ? {} : { rate }),
    timeout,
    warmup,
    pipelining,
    workers,
    ...(validateStatuses(options.expectStatus) === undefined ? {} : { expectStatus: options.expectStatus as number[] }),
    expectRateLimit: options.expectRateLimit === true,
    maxErrorRate,
    sampleIntervalMs,
    ...(options.http2 === true ? { http2: true } : {}),
    ...(tls === undefined ? {} : { tls }),
  };
}
