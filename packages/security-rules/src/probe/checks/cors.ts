import { header, type ProbeClient, type ProbeResponse } from '../http/client.js';
import type { ProbeEvidence, ProbeFinding } from '../report/types.js';

/** The hostile origin the CORS probes claim to come from (a reserved name: it can never be a real site). */
export const HOSTILE_ORIGIN = 'https://attacker.sb-probe.invalid';

interface CorsSample {
  readonly path: string;
  readonly kind: 'simple' | 'preflight' | 'null-origin';
  readonly origin: string;
  readonly response: ProbeResponse;
}

/** The preflight the Observatory score uses, and every sample for the CORS findings. */
export interface CorsResult {
  readonly preflight: ProbeResponse | undefined;
  readonly findings: ProbeFinding[];
}

/**
 * Sends requests with a hostile `Origin` (a simple GET, a preflight for POST with credentials, and
 * `Origin: null` as sandboxed iframes send it) to each path and judges what comes back:
 * a reflected origin with `Access-Control-Allow-Credentials: true` lets any site read authenticated data.
 */
export async function probeCors(client: ProbeClient, paths: readonly string[]): Promise<CorsResult> {
  const samples: CorsSample[] = [];
  let preflight: ProbeResponse | undefined;
  for (const path of paths) {
    const simple = await client.trySend({ method: 'GET', path, headers: { origin: HOSTILE_ORIGIN } });
    if (!(simple instanceof Error)) samples.push({ path, kind: 'simple', origin: HOSTILE_ORIGIN, response: simple });
    const pre = await client.trySend({
      method: 'OPTIONS',
      path,
      headers: { origin: HOSTILE_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    if (!(pre instanceof Error)) {
      preflight ??= pre;
      samples.push({ path, kind: 'preflight', origin: HOSTILE_ORIGIN, response: pre });
    }
    const nul = await client.trySend({ method: 'GET', path, headers: { origin: 'null' } });
    if (!(nul instanceof Error)) samples.push({ path, kind: 'null-origin', origin: 'null', response: nul });
  }
  return { preflight, findings: judgeCors(client, samples) };
}

function judgeCors(client: ProbeClient, samples: readonly CorsSample[]): ProbeFinding[] {
  const allow = (s: CorsSample): string | undefined => header(s.response, 'access-control-allow-origin')?.trim();
  const creds = (s: CorsSample): boolean => header(s.response, 'access-control-allow-credentials')?.trim().toLowerCase() === 'true';
  const evidence = (s: CorsSample): ProbeEvidence => ({
    method: s.kind === 'preflight' ? 'OPTIONS' : 'GET',
    url: client.url(s.path).href,
    requestHeaders: { origin: s.origin },
    status: s.response.status,
    responseHeaders: pick(s.response, ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods', 'vary']),
  });

  const reflected = samples.filter((s) => s.origin === HOSTILE_ORIGIN && allow(s) === HOSTILE_ORIGIN);
  const reflectedCreds = reflected.filter(creds);
  const nullAllowed = samples.filter((s) => s.kind === 'null-origin' && allow(s) === 'null');
  const wildcardCreds = samples.filter((s) => allow(s) === '*' && creds(s));
  const out: ProbeFinding[] = [];

  const worst = reflectedCreds[0] ?? reflected[0];
  out.push({
    id: 'cors.reflected-origin',
    category: 'cors',
    title: 'CORS does not trust an arbitrary Origin',
    severity: reflectedCreds.length ? 'high' : 'medium',
    status: worst ? 'fail' : 'pass',
    detail: worst
      ? `Origin ${HOSTILE_ORIGIN} is echoed in Access-Control-Allow-Origin${reflectedCreds.length ? ' with Allow-Credentials: true: any site can read responses with the user\'s cookies' : ': any site can read these responses'} (${worst.kind} ${worst.path}).`
      : `a hostile Origin is not echoed back (${samples.filter((s) => s.origin === HOSTILE_ORIGIN).length} requests).`,
    cwe: 'CWE-942',
    ...(worst ? { fix: 'Check Origin against an allow-list of your front-end origins; never reflect it (cors({ origin: true }) reflects).', evidence: [evidence(worst)] } : {}),
  });
  const nul = nullAllowed[0];
  out.push({
    id: 'cors.null-origin',
    category: 'cors',
    title: 'CORS does not trust Origin: null',
    severity: nul && creds(nul) ? 'high' : 'medium',
    status: nul ? 'fail' : 'pass',
    detail: nul ? `Access-Control-Allow-Origin: null is sent for Origin: null (sandboxed iframes and file: pages send it) on ${nul.path}.` : 'Origin: null is not allowed.',
    cwe: 'CWE-942',
    ...(nul ? { fix: "Remove 'null' from the allowed origins.", evidence: [evidence(nul)] } : {}),
  });
  const wc = wildcardCreds[0];
  out.push({
    id: 'cors.wildcard-credentials',
    category: 'cors',
    title: 'No wildcard origin with credentials',
    severity: 'medium',
    status: wc ? 'fail' : 'pass',
    detail: wc
      ? `Access-Control-Allow-Origin: * together with Allow-Credentials: true on ${wc.path}: browsers refuse it today, and the usual "fix" (reflecting Origin) opens the API to every site.`
      : 'no response combines * with credentials.',
    cwe: 'CWE-942',
    ...(wc ? { fix: 'Use an explicit allow-list of origins when credentials are needed; use * only for public, cookie-less data.', evidence: [evidence(wc)] } : {}),
  });
  return out;
}

function pick(res: ProbeResponse, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = header(res, name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
