import type { Dispatcher } from 'undici';
import { classifyError } from '../runner/classify-error.js';
import type { ErrorClass } from '../stats/types.js';
import { ERROR_WORDS } from '../result/checks.js';
import { capture, needsBody } from './capture.js';
import { fill, fillDeep } from './template.js';
import type { ScenarioStep } from './types.js';

/** What running one step needs. */
export interface StepContext {
  dispatcher: Dispatcher;
  vars: Record<string, string>;
  /** Default headers of the scenario (lower-case names). */
  headers: Record<string, string>;
  /** Accepted statuses for steps that set none (undefined: 2xx/3xx). */
  expectStatus: number[] | undefined;
  signal: AbortSignal;
}

/** How one step went. `status` is set when a response arrived; `failure` names the class when it failed. */
export interface StepOutcome {
  status?: number;
  /** The transport error class when no response arrived. */
  transport?: ErrorClass;
  failure?: string;
  /** performance.now() when the response body ended (or the request failed). */
  end: number;
}

function lower(headers: Record<string, string> | undefined, vars: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = fill(v, vars);
  return out;
}

/** The request a step sends, with templates filled in. */
function build(step: ScenarioStep, ctx: StepContext): { url: URL; method: string; headers: Record<string, string>; body: string | undefined } {
  const vars = ctx.vars;
  if (step.graphql) {
    const g = step.graphql;
    const payload = { query: g.query, ...(g.variables ? { variables: fillDeep(g.variables, vars) } : {}), ...(g.operationName ? { operationName: g.operationName } : {}) };
    return { url: new URL(fill(g.url, vars)), method: 'POST', headers: { ...ctx.headers, 'content-type': 'application/json', ...lower(g.headers, vars) }, body: JSON.stringify(payload) };
  }
  const r = step.request!;
  const headers = { ...ctx.headers, ...lower(r.headers, vars) };
  let body: string | undefined;
  if (typeof r.body === 'string') body = fill(r.body, vars);
  else if (r.body !== undefined && r.body !== null) {
    body = JSON.stringify(fillDeep(r.body, vars));
    headers['content-type'] ??= 'application/json';
  }
  return { url: new URL(fill(r.url, vars)), method: (r.method ?? 'GET').toUpperCase(), headers, body };
}

function statusOk(status: number, step: ScenarioStep, fallback: number[] | undefined): boolean {
  const expected = step.expectStatus === undefined ? fallback : Array.isArray(step.expectStatus) ? step.expectStatus : [step.expectStatus];
  return expected === undefined ? status >= 200 && status < 400 : expected.includes(status);
}

function graphqlFailed(json: unknown): boolean {
  const errors = (json as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.length > 0;
}

/**
 * Sends one step and reads its response: checks the status, GraphQL `errors`, and captures into `ctx.vars`.
 * Never throws for what the server does: a transport error, an unexpected status, a GraphQL error or a
 * capture that found nothing is a `failure` by class.
 */
export async function runStep(step: ScenarioStep, ctx: StepContext): Promise<StepOutcome> {
  const req = build(step, ctx);
  let res: Dispatcher.ResponseData;
  try {
    res = await ctx.dispatcher.request({
      origin: req.url.origin,
      path: req.url.pathname + req.url.search,
      method: req.method as Dispatcher.HttpMethod,
      headers: req.headers,
      body: req.body ?? null,
      signal: ctx.signal,
    });
  } catch (err) {
    const transport = classifyError(err);
    return { transport, failure: ERROR_WORDS[transport], end: performance.now() };
  }
  const readBody = step.graphql !== undefined || needsBody(step.capture);
  let text = '';
  try {
    if (readBody) text = await res.body.text();
    else await res.body.dump();
  } catch (err) {
    const transport = classifyError(err);
    return { transport, failure: ERROR_WORDS[transport], end: performance.now() };
  }
  const end = performance.now();
  const status = res.statusCode;
  if (!statusOk(status, step, ctx.expectStatus)) return { status, failure: `status ${status}`, end };
  let json: unknown;
  if (readBody) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (step.graphql && (json === undefined || graphqlFailed(json))) return { status, failure: json === undefined ? 'graphql: not JSON' : 'graphql errors', end };
  for (const [name, spec] of Object.entries(step.capture ?? {})) {
    const value = capture(spec, { text, json, headers: res.headers });
    if (value === undefined) return { status, failure: `capture ${name}`, end };
    ctx.vars[name] = value;
  }
  return { status, end };
}
