import type { ProbeClient } from '../http/client.js';
import type { ProbeFinding } from '../report/types.js';
import { GRAPHQL_CHECKS, type CheckContext, type CheckVerdict, type GraphqlCheck } from './checks.js';
import { asResult, graphqlRequest, sendGraphql, type GraphqlExchange } from './exchange.js';
import { INTROSPECTION_QUERY, readSchema, type ProbeSchema } from './schema.js';

/** What the GraphQL probes saw, besides their findings. */
export interface GraphqlObservation {
  /** The endpoint probed, e.g. `/graphql`. */
  readonly endpoint: string;
  /** True when introspection answered with the schema (then depth and cost were probed from it). */
  readonly introspection: boolean;
  /** Object types in the schema, when introspection answered. */
  readonly types?: number;
  /** Requests the GraphQL probes sent (detection included). */
  readonly requests: number;
}

const INTROSPECTION = {
  id: 'graphql.introspection', title: 'Introspection', severity: 'high', cwe: 'CWE-200',
  fix: 'Turn off introspection in production (publish the schema to the clients that need it instead).',
} as const;
const IDE_PATHS = ['/graphiql', '/playground', '/console'];
const INTROSPECTION_BYTES = 4 * 1024 * 1024;
/** Results are read whole up to 1 MiB: 60 validation errors with stack traces are well over the default 64 KiB. */
const RESULT_BYTES = 1024 * 1024;

/**
 * Runs graphql-cop's twelve checks plus a depth-limit and a cost-limit check against one endpoint: at most
 * about 20 requests, one at a time. Every finding carries the curl command that reproduces it.
 */
export async function probeGraphql(
  client: ProbeClient,
  endpoint: string,
  options: { headers: Readonly<Record<string, string>>; deadline: number; onCheck?: (id: string) => void },
): Promise<{ findings: ProbeFinding[]; observation: GraphqlObservation }> {
  const before = client.sent;
  const send: CheckContext['send'] = (query, transport, o = {}) =>
    sendGraphql(client, { ...graphqlRequest(endpoint, query, transport, o.copies), maxBodyBytes: o.maxBodyBytes ?? RESULT_BYTES }, options.headers);
  const page: CheckContext['page'] = (path) => sendGraphql(client, { method: 'GET', path, headers: { accept: 'text/html' } }, options.headers);

  options.onCheck?.(INTROSPECTION.id);
  const intro = await send(INTROSPECTION_QUERY, 'json', { maxBodyBytes: INTROSPECTION_BYTES });
  const schema = intro instanceof Error ? undefined : readSchema(asResult(intro.json)?.data);
  const findings: ProbeFinding[] = [finding(INTROSPECTION, endpoint, introspectionVerdict(intro, schema))];

  const ctx: CheckContext = { schema, send, page, idePaths: [...new Set([endpoint, ...IDE_PATHS])] };
  for (const check of GRAPHQL_CHECKS) {
    if (Date.now() > options.deadline) {
      findings.push(finding(check, endpoint, { status: 'skip', detail: 'not run: the probe deadline passed' }));
      continue;
    }
    options.onCheck?.(check.id);
    findings.push(finding(check, endpoint, await check.run(ctx)));
  }
  const objects = schema ? [...schema.types.values()].filter((t) => t.kind === 'OBJECT' && !t.name.startsWith('__')).length : undefined;
  return {
    findings,
    observation: { endpoint, introspection: schema !== undefined, ...(objects === undefined ? {} : { types: objects }), requests: client.sent - before },
  };
}

function introspectionVerdict(x: GraphqlExchange | Error, schema: ProbeSchema | undefined): CheckVerdict {
  if (x instanceof Error) return { status: 'skip', detail: `no answer: ${x.message}` };
  if (schema) return { status: 'fail', detail: `the introspection query returned the whole schema (${schema.types.size} types).`, exchange: x };
  return { status: 'pass', detail: `the introspection query was refused (${x.response.status}).`, exchange: x };
}

function finding(check: Pick<GraphqlCheck, 'id' | 'title' | 'severity' | 'cwe' | 'fix'>, endpoint: string, v: CheckVerdict): ProbeFinding {
  const x = v.exchange;
  return {
    id: check.id,
    category: 'graphql',
    title: check.title,
    severity: v.status === 'skip' ? 'info' : check.severity,
    status: v.status,
    detail: v.detail,
    route: x ? `${x.request.method} ${x.request.path.split('?')[0] ?? endpoint}` : `POST ${endpoint}`,
    cwe: check.cwe,
    ...(v.status === 'fail' ? { fix: check.fix } : {}),
    ...(x ? { curl: x.curl, evidence: [evidence(x)] } : {}),
  };
}

function evidence(x: GraphqlExchange): NonNullable<ProbeFinding['evidence']>[number] {
  const body = x.request.body;
  return {
    method: x.request.method,
    url: x.curl.match(/'(https?:[^']*)'/)?.[1] ?? x.request.path,
    ...(x.request.headers ? { requestHeaders: x.request.headers } : {}),
    ...(typeof body === 'string' ? { requestBody: body.substring(0, 300) } : {}),
    status: x.response.status,
    responseBody: x.response.body.slice(0, 300),
  };
}
