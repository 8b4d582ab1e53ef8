import type { RunControl } from '@sb/errors';
import { checkAborted } from '../abort.js';
import { cookieFindings, type CookieSighting } from './checks/cookies.js';
import { HOSTILE_ORIGIN, probeCors } from './checks/cors.js';
import { probeErrorPages } from './checks/error-pages.js';
import { apiHeaderFindings, contentKind, headerFindings } from './checks/headers.js';
import { headerValues, mediaType, ProbeClient, type ProbeResponse } from './http/client.js';
import { observatoryGrade } from './observatory/grade.js';
import type { ProbeFamily, ProbeOptions } from './options.js';
import { detectGraphqlEndpoint } from './graphql/detect-endpoint.js';
import { probeGraphql } from './graphql/probe-graphql.js';
import { probeRateLimit } from './rate-limit/probe-rate-limit.js';
import { SecurityRulesError } from '../errors.js';
import { sortFindings, summarise } from './report/summarise.js';
import type { GraphqlObservation, ObservatoryGrade, ProbeFinding, ProbeReport, RateLimitObservation } from './report/types.js';
import { readSpecOperations, type SpecOperation } from './spec/spec-operations.js';
import { resolveProbeOptions } from './target/resolve-options.js';
import { exampleFor } from './validation/example.js';
import { probeValidation } from './validation/probe-validation.js';

/** A spec operation that looks like a login: bursted when neither `login` nor `rateLimitRoute` is given. */
const LOGIN_PATH = /(?:^|\/)(?:log-?in|sign-?in|auth(?:enticate)?|sessions?|token)(?:\/|$)/i;
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * Probes a running API from outside, the way an attacker would, and returns a report; never prints.
 * Loopback targets only unless `allowRemote`; every phase is bounded in requests and time.
 *
 * Phases: security headers graded by content type (plus an MDN HTTP Observatory-compatible score), CORS
 * with a hostile Origin, error pages, cookies as sent, input validation from an OpenAPI spec, and a
 * rate-limit burst (through `@sb/loadtest`) against the login route.
 *
 * Throws `SecurityRulesError` for bad options (`SECRULES_INVALID_OPTION`), a non-loopback target
 * (`SECRULES_PROBE_REMOTE_TARGET`), an unreadable spec (`SECRULES_SPEC_INVALID`) or a target that cannot be
 * reached (`SECRULES_PROBE_UNREACHABLE`). Failed probes are findings, not errors.
 *
 * `control.onProgress` gets one event per probe step, `phase` being the family (`headers`, `cors`, `validation`,
 * `graphql`, `rate-limit`) and `message` the route plus the requests sent so far; the rate-limit burst counts its
 * requests in `done`/`total`. Aborting `control.signal` stops the request in flight (and the burst) and rejects
 * with `SECRULES_ABORTED`.
 *
 * @example
 * ```ts
 * import { probeApi } from '@sb/security-rules';
 *
 * const controller = new AbortController();
 * const report = await probeApi(
 *   { url: 'http://127.0.0.1:3000', spec: 'openapi.yaml', login: '/auth/login' },
 *   { signal: controller.signal, onProgress: (p) => console.error(`${p.phase}: ${p.message}`) },
 * );
 * console.log(report.observatory?.applicable.grade, report.summary);
 * for (const f of report.findings.filter((f) => f.status === 'fail')) console.log(f.severity, f.id, f.detail);
 * ```
 */
export async function probeApi(options: ProbeOptions, control: RunControl = {}): Promise<ProbeReport> {
  const started = Date.now();
  const opts = resolveProbeOptions(options);
  const operations = opts.spec !== undefined ? await readSpecOperations(opts.spec) : [];
  const deadline = started + opts.maxTimeMs;
  const client = new ProbeClient(opts.base, { headers: opts.headers, timeoutMs: opts.timeoutMs, ...(control.signal ? { signal: control.signal } : {}) });
  const what = `probe of ${opts.base.origin}`;
  const progress = (phase: ProbeFamily, message: string): void => {
    checkAborted(control.signal, what);
    control.onProgress?.({ phase, message: `${message} (${client.sent} requests sent)` });
  };
  try {
    const basePath = `${opts.base.pathname}${opts.base.search}`;
    progress('headers', `GET ${basePath}`);
    const response = await client.send({ method: 'GET', path: basePath, headers: { accept: BROWSER_ACCEPT } });
    const kind = contentKind(mediaType(response));
    const findings: ProbeFinding[] = [];
    const sightings: CookieSighting[] = [{ route: `GET ${basePath}`, setCookie: headerValues(response, 'set-cookie') }];
    const apiResponses: { route: string; response: ProbeResponse }[] = [];
    const note = (route: string, res: ProbeResponse): void => {
      sightings.push({ route, setCookie: headerValues(res, 'set-cookie') });
      if (!route.startsWith('GET /sb-probe-missing-')) apiResponses.push({ route, response: res });
    };

    // The header grade needs the CORS preflight; with `only` leaving out both, neither runs.
    let grade: ObservatoryGrade | undefined;
    if (opts.families.has('cors') || opts.families.has('headers')) {
      progress('cors', `hostile Origin on ${basePath}`);
      const cors = await probeCors(client, [...new Set([basePath, ...(opts.login ? [opts.login] : [])])]);
      if (opts.families.has('cors')) findings.push(...cors.findings);
      if (opts.families.has('headers')) {
        const scored = observatoryGrade({ base: opts.base, response, preflight: cors.preflight, origin: HOSTILE_ORIGIN });
        grade = scored.grade;
        findings.push(...headerFindings(response, kind, scored.csp, opts.base.protocol === 'https:', { method: 'GET', url: opts.base.href, status: response.status }));
      }
    }
    if (opts.families.has('headers')) {
      const errors = await probeErrorPages(client, opts.login ?? firstJsonPost(operations) ?? basePath);
      findings.push(...errors.findings);
      for (const r of errors.responses) note(r.route, r.response);
    }

    let validation: { route: string; cases: number }[] | undefined;
    if (operations.length > 0 && opts.families.has('validation')) {
      const result = await probeValidation(client, operations, {
        maxOperations: opts.maxOperations,
        oversizedBytes: opts.oversizedBytes,
        deadline,
        onCase: (route) => progress('validation', route),
      });
      findings.push(...result.findings);
      for (const r of result.responses) note(r.route, r.response);
      validation = result.operations;
    }

    let graphql: GraphqlObservation | undefined;
    if (opts.families.has('graphql')) {
      progress('graphql', 'looking for a GraphQL endpoint');
      const found = await detectGraphqlEndpoint(client, opts.base.pathname);
      if (found.path !== undefined) {
        const result = await probeGraphql(client, found.path, { headers: opts.headers, deadline, onCheck: (id) => progress('graphql', `${id} on ${found.path}`) });
        findings.push(...result.findings);
        graphql = result.observation;
      } else if (opts.graphql === true) {
        throw new SecurityRulesError('SECRULES_PROBE_NOT_GRAPHQL', `no GraphQL endpoint at ${opts.base.origin}: tried POST { __typename } on ${found.tried.join(', ')}`);
      }
    }

    let rateLimit: RateLimitObservation | undefined;
    const burst = burstTarget(opts, operations);
    if (burst && opts.families.has('rate-limit')) {
      progress('rate-limit', `${opts.burst} × ${burst.method} ${burst.path}`);
      if (Date.now() > deadline) {
        findings.push({ id: 'rate-limit.limited', category: 'rate-limit', title: 'Rate limiting', severity: 'info', status: 'skip', detail: 'not run: the probe deadline passed' });
      } else {
        const result = await probeRateLimit(client, burst, {
          burst: opts.burst,
          concurrency: opts.burstConcurrency,
          timeoutMs: opts.timeoutMs,
          headers: opts.headers,
          deadline,
          ...(control.signal ? { signal: control.signal } : {}),
          onBurst: (done) => control.onProgress?.({ phase: 'rate-limit', message: `${done}/${opts.burst} × ${burst.method} ${burst.path}`, done, total: opts.burst }),
        });
        // The burst (a load test) resolves with its partial result when aborted; the probe does not.
        checkAborted(control.signal, what);
        findings.push(...result.findings);
        if (result.first) note(`${burst.method} ${burst.path}`, result.first);
        rateLimit = result.observation;
      }
    }

    checkAborted(control.signal, what);
    if (opts.families.has('cookies')) findings.push(...cookieFindings(sightings));
    const api = kind === 'json' ? undefined : apiResponses.find((r) => contentKind(mediaType(r.response)) === 'json');
    if (api && opts.families.has('headers')) findings.push(...apiHeaderFindings(api.response, api.route, client.url(api.route.split(' ')[1] ?? '/').href));
    const requests = client.sent + (rateLimit ? rateLimit.requests - 1 : 0);
    const summary = summarise(findings, opts.failOn, requests);
    return {
      target: opts.base.href,
      contentType: kind,
      status: response.status,
      ...(grade ? { observatory: grade } : {}),
      findings: sortFindings(findings),
      ...(rateLimit ? { rateLimit } : {}),
      ...(validation ? { validation } : {}),
      ...(graphql ? { graphql } : {}),
      failOn: opts.failOn,
      ok: summary.gating === 0,
      summary,
      durationMs: Date.now() - started,
    };
  } finally {
    await client.close();
  }
}

function burstTarget(opts: ReturnType<typeof resolveProbeOptions>, operations: readonly SpecOperation[]): { method: string; path: string; body: string | undefined; login: boolean } | undefined {
  if (opts.login) {
    const op = operations.find((o) => o.method === 'POST' && o.path === opts.login);
    const body = opts.loginBody ?? (op?.body ? exampleFor(op.body) : { username: 'sb-probe', email: 'sb-probe@example.com', password: 'sb-probe-wrong-password' });
    return { method: 'POST', path: opts.login, body: JSON.stringify(body), login: true };
  }
  if (opts.rateLimitRoute) return { ...opts.rateLimitRoute, body: undefined, login: false };
  const login = operations.find((o) => o.method === 'POST' && !o.path.includes('{') && LOGIN_PATH.test(o.path));
  if (login) return { method: 'POST', path: login.path, body: JSON.stringify(login.body ? exampleFor(login.body) : {}), login: true };
  return undefined;
}

function firstJsonPost(operations: readonly SpecOperation[]): string | undefined {
  const op = operations.find((o) => o.method === 'POST' && o.body && !o.path.includes('{'));
  return op?.path;
}
