import type { ProbeClient, ProbeResponse } from '../http/client.js';
import type { ProbeFinding, ProbeSeverity } from '../report/types.js';
import type { SpecOperation } from '../spec/spec-operations.js';
import { casesFor, type CaseKind, type ValidationCase } from './cases.js';
import { judgeCase, judgeFailure, type CaseVerdict } from './judge.js';

const TITLES: Record<CaseKind, string> = {
  'wrong-type': 'Wrong types are rejected',
  'missing-required': 'Missing required fields are rejected',
  'not-an-object': 'A non-object body is rejected',
  'extra-field': 'Unknown fields are rejected or dropped',
  oversized: 'Oversized bodies are rejected',
  proto: '__proto__ bodies are handled safely',
  'bad-param': 'Malformed path and query parameters are rejected',
};
const CWE: Record<CaseKind, string> = {
  'wrong-type': 'CWE-20', 'missing-required': 'CWE-20', 'not-an-object': 'CWE-20', 'extra-field': 'CWE-915', oversized: 'CWE-400', proto: 'CWE-1321', 'bad-param': 'CWE-20',
};
const VALIDATE = 'Validate the body against a schema (zod, ajv, Fastify schema) and answer 400 on failure; never let a parse or type error reach a 500.';
const FIXES: Record<CaseKind, string> = {
  'wrong-type': VALIDATE,
  'missing-required': VALIDATE,
  'not-an-object': VALIDATE,
  'extra-field': 'Reject unknown fields (zod .strict(), ajv additionalProperties: false) or pick the fields you store; never spread the body into a model.',
  oversized: 'Set a body size limit (express.json({ limit: "100kb" }), Fastify bodyLimit, koa-bodyparser jsonLimit).',
  proto: 'Parse JSON with a parser that rejects __proto__ (Fastify does; secure-json-parse) and never merge request data into objects.',
  'bad-param': 'Validate path and query parameters (Fastify params/querystring schema, zod on req.params/req.query) and answer 400 or 404; never let a parse error reach a 500.',
};
const RANK: Record<ProbeSeverity, number> = { high: 3, medium: 2, low: 1, info: 0 };

/** What the validation phase returns. */
export interface ValidationResult {
  readonly findings: ProbeFinding[];
  readonly operations: { route: string; cases: number }[];
  /** Responses seen, for the cookie rules. */
  readonly responses: { route: string; response: ProbeResponse }[];
}

/**
 * Sends every invalid case of every operation (in spec order, at most `maxOperations`) and returns one
 * finding per operation and case kind: the worst verdict among its cases, with the failing cases as evidence.
 * `deadline` (epoch ms) stops sending; the rest is reported as skipped.
 */
export async function probeValidation(
  client: ProbeClient,
  operations: readonly SpecOperation[],
  options: { maxOperations: number; oversizedBytes: number; deadline: number; onCase?: (route: string) => void },
): Promise<ValidationResult> {
  const findings: ProbeFinding[] = [];
  const probed: { route: string; cases: number }[] = [];
  const responses: { route: string; response: ProbeResponse }[] = [];
  for (const op of operations.slice(0, options.maxOperations)) {
    const route = `${op.method} ${op.path}`;
    const cases = casesFor(op, options.oversizedBytes);
    if (cases.length === 0) continue;
    probed.push({ route, cases: cases.length });
    const results: { c: ValidationCase; v: CaseVerdict; status?: number; body?: string }[] = [];
    for (const c of cases) {
      if (Date.now() > options.deadline) {
        results.push({ c, v: { status: 'skip', severity: 'info', reason: 'not sent: the probe deadline passed' } });
        continue;
      }
      options.onCase?.(route);
      const res = await client.trySend({ method: c.method, path: c.path, headers: { 'content-type': 'application/json', accept: 'application/json' }, ...(c.body === undefined ? {} : { body: c.body }), closeConnection: c.kind === 'oversized' });
      if (res instanceof Error) {
        results.push({ c, v: judgeFailure(c, res) });
        continue;
      }
      responses.push({ route, response: res });
      results.push({ c, v: judgeCase(c, res, op.body?.additionalProperties === false), status: res.status, body: res.body });
    }
    findings.push(...summarise(client, route, results));
  }
  return { findings, operations: probed, responses };
}

function summarise(client: ProbeClient, route: string, results: { c: ValidationCase; v: CaseVerdict; status?: number; body?: string }[]): ProbeFinding[] {
  const kinds = [...new Set(results.map((r) => r.c.kind))];
  return kinds.map((kind) => {
    const of = results.filter((r) => r.c.kind === kind);
    const failed = of.filter((r) => r.v.status === 'fail').sort((a, b) => RANK[b.v.severity] - RANK[a.v.severity]);
    const judged = of.filter((r) => r.v.status !== 'skip');
    const worst = failed[0];
    const status = worst ? 'fail' : judged.length ? 'pass' : 'skip';
    const detail = worst
      ? failed.map((r) => `${r.c.label} → ${r.v.reason}`).slice(0, 4).join('; ')
      : judged.length
        ? `${judged.length} case(s) answered ${[...new Set(judged.map((r) => r.status))].join('/')}.`
        : (of[0]?.v.reason ?? 'not judged');
    return {
      id: `validation.${kind}`,
      category: 'validation' as const,
      route,
      title: TITLES[kind],
      severity: worst ? worst.v.severity : (of[0]?.v.severity ?? 'info'),
      status,
      detail,
      cwe: CWE[kind],
      ...(worst
        ? {
            fix: FIXES[kind],
            evidence: failed.slice(0, 3).map((r) => ({ method: r.c.method, url: client.url(r.c.path).href, requestBody: (r.c.body ?? '').slice(0, 160), status: r.status ?? 0, responseBody: (r.body ?? '').slice(0, 200) })),
          }
        : {}),
    };
  });
}
