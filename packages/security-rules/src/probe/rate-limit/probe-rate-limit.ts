import { header, type ProbeClient, type ProbeResponse } from '../http/client.js';
import type { ProbeFinding, RateLimitObservation } from '../report/types.js';

/** What to burst. */
export interface BurstTarget {
  readonly method: string;
  readonly path: string;
  readonly body: string | undefined;
  /** True for the login route: no limiter there is a high finding (credential stuffing). */
  readonly login: boolean;
}

const RATE_HEADER = /^(x-)?ratelimit(-|$)|^retry-after$/;

/**
 * Rate limiting, seen from outside: one request through the probe client (its headers and cookies are
 * kept), then a bounded burst of `burst` requests through `@sb/loadtest` at `concurrency`, stopped by
 * `deadline`. Reports whether a 429 came, after how many requests, and which headers it carried.
 */
export async function probeRateLimit(
  client: ProbeClient,
  target: BurstTarget,
  options: { burst: number; concurrency: number; timeoutMs: number; headers: Readonly<Record<string, string>>; deadline: number; signal?: AbortSignal; onBurst?: (done: number) => void },
): Promise<{ observation: RateLimitObservation | undefined; findings: ProbeFinding[]; first: ProbeResponse | undefined }> {
  const route = `${target.method} ${target.path}`;
  const headers: Record<string, string> = { ...options.headers, ...(target.body ? { 'content-type': 'application/json' } : {}) };
  const first = await client.trySend({ method: target.method, path: target.path, headers, ...(target.body ? { body: target.body } : {}) });
  const title = target.login ? 'Login route is rate limited' : 'Route is rate limited';
  if (first instanceof Error) {
    return { observation: undefined, first: undefined, findings: [{ id: 'rate-limit.limited', category: 'rate-limit', route, title, severity: 'info', status: 'skip', detail: `no answer: ${first.message}` }] };
  }
  if (first.status === 404 || first.status === 405) {
    return { observation: undefined, first, findings: [{ id: 'rate-limit.limited', category: 'rate-limit', route, title, severity: 'info', status: 'skip', detail: `${route} answered ${first.status}: the route does not exist (check --login).` }] };
  }
  const { runLoadTest } = await import('@sb/loadtest');
  const remaining = Math.max(1000, options.deadline - Date.now());
  const signals = [AbortSignal.timeout(remaining), ...(options.signal ? [options.signal] : [])];
  const result = await runLoadTest(
    {
      url: client.url(target.path).href,
      method: target.method,
      headers: { 'user-agent': 'sb-security-probe/1', ...headers },
      ...(target.body ? { body: target.body } : {}),
      requests: options.burst,
      concurrency: options.concurrency,
      timeout: options.timeoutMs,
      expectRateLimit: true,
    },
    { signal: AbortSignal.any(signals), ...(options.onBurst ? { onProgress: (p: { done?: number }) => options.onBurst?.(p.done ?? 0) } : {}) },
  );
  const firstLimited = first.status === 429;
  const limited = firstLimited || result.rateLimit.limited;
  const seenHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(first.headers)) if (RATE_HEADER.test(name)) seenHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
  Object.assign(seenHeaders, result.rateLimit.headers);
  const codes: Record<string, number> = { ...result.statusCodes };
  codes[String(first.status)] = (codes[String(first.status)] ?? 0) + 1;
  const retryAfter = firstLimited ? header(first, 'retry-after') : result.rateLimit.retryAfter;
  const observation: RateLimitObservation = {
    route,
    method: target.method,
    requests: result.requests + 1,
    statusCodes: codes,
    limited,
    ...(limited ? { firstLimitedAfter: firstLimited ? 1 : (result.rateLimit.firstAfterRequests ?? 0) + 1 } : {}),
    ...(retryAfter === undefined ? {} : { retryAfter }),
    headers: seenHeaders,
  };
  return { observation, first, findings: judge(observation, target, title, result.errorCount) };
}

function judge(o: RateLimitObservation, target: BurstTarget, title: string, errors: number): ProbeFinding[] {
  const base = { category: 'rate-limit' as const, route: o.route, cwe: 'CWE-307' };
  const codes = Object.entries(o.statusCodes).map(([c, n]) => `${n}×${c}`).join(', ');
  if (!o.limited) {
    const unjudged = errors > o.requests / 2;
    return [{
      ...base,
      id: 'rate-limit.limited',
      title,
      severity: target.login ? 'high' : 'medium',
      status: unjudged ? 'skip' : 'fail',
      detail: unjudged
        ? `${errors} of ${o.requests} requests failed at the transport level; cannot judge.`
        : `${o.requests} requests in a burst, no 429 (${codes}): ${target.login ? 'passwords can be guessed at full speed' : 'the route can be hammered'}.`,
      fix: 'Put a limiter on the route: express-rate-limit, @fastify/rate-limit or koa-ratelimit (e.g. 5 login attempts per minute per IP and per account).',
    }];
  }
  const standard = Object.keys(o.headers).some((h) => h !== 'retry-after');
  const hasRetry = o.retryAfter !== undefined;
  return [
    { ...base, id: 'rate-limit.limited', title, severity: target.login ? 'high' : 'medium', status: 'pass', detail: `429 after ${o.firstLimitedAfter} request(s) of the burst (${codes}).` },
    {
      ...base,
      id: 'rate-limit.headers',
      title: 'Rate-limit responses say when to retry',
      severity: 'low',
      status: hasRetry || standard ? 'pass' : 'fail',
      detail: hasRetry || standard ? `sent: ${Object.keys(o.headers).join(', ')}.` : 'the 429 carries neither Retry-After nor RateLimit-* headers: clients cannot back off correctly.',
      ...(hasRetry || standard ? {} : { fix: 'Send Retry-After on 429 (express-rate-limit: standardHeaders: "draft-7").' }),
      cwe: 'CWE-770',
    },
  ];
}
