import { Agent, request } from 'undici';
import { SecurityRulesError } from '../../errors.js';
import { abortError } from '../../abort.js';
import { isLoopbackHost } from '../target/loopback.js';

/** One response as the probes see it: lower-case header names, multi-valued headers as arrays, body cut short. */
export interface ProbeResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[]>>;
  /** The first `maxBodyBytes` of the body, decoded as UTF-8. */
  readonly body: string;
}

/** A request the probes send. Redirects are never followed (a redirect could point off this machine). */
export interface ProbeRequest {
  readonly method: string;
  /** A path (resolved against the base URL, which keeps the probe on the same host) */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** Close the connection after this request (for bodies the server may stop reading half-way). */
  readonly closeConnection?: boolean;
  /** Read at most this many bytes of the body (default 64 KiB), e.g. more for an introspection result. */
  readonly maxBodyBytes?: number;
}

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The only way the probes talk to the target: one undici `Agent` with few connections, a timeout per
 * request, bodies read up to 64 KiB then dropped, and a counter of requests sent. Every path is resolved
 * against the base URL and must stay on its origin.
 */
export class ProbeClient {
  readonly base: URL;
  readonly #agent: Agent;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #timeoutMs: number;
  readonly #signal: AbortSignal | undefined;
  #sent = 0;

  constructor(base: URL, options: { headers: Readonly<Record<string, string>>; timeoutMs: number; signal?: AbortSignal }) {
    this.base = base;
    this.#headers = options.headers;
    this.#timeoutMs = options.timeoutMs;
    this.#signal = options.signal;
    this.#agent = new Agent({
      connections: 8,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      // A local HTTPS server usually has a self-signed certificate; a remote one must have a valid one.
      connect: { timeout: options.timeoutMs, rejectUnauthorized: !isLoopbackHost(base.hostname) },
    });
  }

  /** Requests sent so far. */
  get sent(): number {
    return this.#sent;
  }

  /** Absolute URL of a path on the target's origin. */
  url(path: string): URL {
    const url = new URL(path, this.base);
    if (url.origin !== this.base.origin) throw new SecurityRulesError('SECRULES_INTERNAL', `probe path ${path} left the target origin`);
    return url;
  }

  /** Sends one request; network failures throw `SECRULES_PROBE_UNREACHABLE` naming the URL and the cause. */
  async send(req: ProbeRequest): Promise<ProbeResponse> {
    const url = this.url(req.path);
    const signals = [AbortSignal.timeout(this.#timeoutMs), ...(this.#signal ? [this.#signal] : [])];
    this.#sent += 1;
    try {
      const res = await request(url, {
        method: req.method as 'GET',
        headers: { 'user-agent': 'sb-security-probe/1', ...this.#headers, ...req.headers },
        body: req.body,
        dispatcher: this.#agent,
        ...(req.closeConnection ? { reset: true } : {}),
        signal: AbortSignal.any(signals),
      });
      const body = await readCapped(res.body, req.maxBodyBytes ?? MAX_BODY_BYTES);
      return { status: res.statusCode, headers: res.headers as Record<string, string | string[]>, body };
    } catch (err) {
      if (this.#signal?.aborted) throw abortError(`probe of ${url.origin}`, this.#signal);
      throw unreachable(url, err);
    }
  }

  /** Like {@link send}, but a network failure is returned instead of thrown (for probes after the first). */
  async trySend(req: ProbeRequest): Promise<ProbeResponse | SecurityRulesError> {
    try {
      return await this.send(req);
    } catch (err) {
      if (SecurityRulesError.is(err) && err.code === 'SECRULES_PROBE_UNREACHABLE') return err;
      throw err;
    }
  }

  /** Closes the connections; call once at the end. */
  async close(): Promise<void> {
    await this.#agent.close();
  }
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= max) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}

function unreachable(url: URL, err: unknown): SecurityRulesError {
  const code = (err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code;
  const reason =
    code === 'ECONNREFUSED'
      ? 'connection refused (is the server running?)'
      : code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || (err as Error).name === 'TimeoutError'
        ? 'timed out'
        : code === 'ENOTFOUND'
          ? 'host not found'
          : (code ?? (err as Error).message);
  return new SecurityRulesError('SECRULES_PROBE_UNREACHABLE', `cannot reach ${url.origin}${url.pathname}: ${reason}`, { cause: err });
}

/** The first value of a header (multi-valued headers joined by the probes that need them). */
export function header(res: ProbeResponse, name: string): string | undefined {
  const value = res.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a header, e.g. each `Set-Cookie`. */
export function headerValues(res: ProbeResponse, name: string): string[] {
  const value = res.headers[name.toLowerCase()];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The media type of a response, lower-case, without parameters. */
export function mediaType(res: ProbeResponse): string {
  return (header(res, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
