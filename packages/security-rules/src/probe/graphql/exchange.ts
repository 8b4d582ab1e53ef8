import type { ProbeClient, ProbeRequest, ProbeResponse } from '../http/client.js';

/** How a GraphQL document is sent: the transports graphql-cop tries. */
export type GraphqlTransport = 'json' | 'batch' | 'get' | 'form';

/** One GraphQL request, its response, and the response body parsed as JSON when it is JSON. */
export interface GraphqlExchange {
  readonly request: ProbeRequest & { readonly body?: string };
  readonly response: ProbeResponse;
  /** The parsed body, or undefined when it is not JSON (or was cut short). */
  readonly json: unknown;
  /** The curl command that sends the same request. */
  readonly curl: string;
}

/** A GraphQL result object as servers send it (`data`, `errors`, `extensions`). */
export interface GraphqlResult {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { readonly message?: unknown; readonly extensions?: Record<string, unknown> }[];
  readonly extensions?: Record<string, unknown>;
}

/** Builds the request that sends `query` to `path` over `transport` (batch: `copies` copies in one JSON array). */
export function graphqlRequest(path: string, query: string, transport: GraphqlTransport, copies = 10): ProbeRequest & { body?: string } {
  switch (transport) {
    case 'json':
      return { method: 'POST', path, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query }) };
    case 'batch':
      return { method: 'POST', path, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(Array.from({ length: copies }, () => ({ query }))) };
    case 'get':
      return { method: 'GET', path: withQuery(path, query), headers: { accept: 'application/json' } };
    case 'form':
      return { method: 'POST', path, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: new URLSearchParams({ query }).toString() };
  }
}

function withQuery(path: string, query: string): string {
  const url = new URL(path, 'http://sb.invalid');
  url.searchParams.set('query', query);
  return `${url.pathname}${url.search}`;
}

/** Sends one GraphQL request; a network failure is returned, not thrown. */
export async function sendGraphql(client: ProbeClient, request: ProbeRequest & { body?: string }, extraHeaders: Readonly<Record<string, string>>): Promise<GraphqlExchange | Error> {
  const response = await client.trySend(request);
  if (response instanceof Error) return response;
  return { request, response, json: parseJson(response.body), curl: curlCommand(client.url(request.path).href, request, extraHeaders) };
}

/** The body parsed as JSON, or undefined. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** The body as a GraphQL result when it has `data` or `errors`. */
export function asResult(json: unknown): GraphqlResult | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  return 'data' in json || 'errors' in json ? (json as GraphqlResult) : undefined;
}

/** Error messages of a GraphQL result. */
export function errorMessages(result: GraphqlResult | undefined): string[] {
  return (result?.errors ?? []).map((e) => (typeof e.message === 'string' ? e.message : JSON.stringify(e.message)));
}

const SECRET_HEADER = /^(authorization|cookie|proxy-authorization|x-api-key)$/i;

/**
 * A curl command that repeats the request, single-quoted for POSIX shells. Headers the user passed with
 * `-H` are included by name; the values of credential headers are replaced by `$SB_PROBE_<NAME>`.
 *
 * @example
 * curlCommand('http://127.0.0.1:3000/graphql', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' }, {});
 * // curl -sS -X POST 'http://127.0.0.1:3000/graphql' -H 'content-type: application/json' --data-raw '{"query":"{__typename}"}'
 */
export function curlCommand(url: string, request: ProbeRequest & { body?: string }, extraHeaders: Readonly<Record<string, string>>): string {
  const parts = ['curl -sS'];
  if (request.method !== 'GET') parts.push(`-X ${request.method}`);
  parts.push(shellQuote(url));
  for (const [name, value] of Object.entries(extraHeaders)) {
    parts.push(`-H ${SECRET_HEADER.test(name) ? `"${name}: $SB_PROBE_${name.toUpperCase().replace(/-/g, '_')}"` : shellQuote(`${name}: ${value}`)}`);
  }
  for (const [name, value] of Object.entries(request.headers ?? {})) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body !== undefined) parts.push(`--data-raw ${shellQuote(request.body)}`);
  return parts.join(' ');
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
