import type { ProbeClient } from '../http/client.js';
import { asResult, graphqlRequest, sendGraphql } from './exchange.js';

/** Paths tried, after the target's own path, when looking for a GraphQL endpoint (graphql-cop's common ones). */
export const COMMON_GRAPHQL_PATHS: readonly string[] = ['/graphql', '/api/graphql', '/graphql/v1', '/v1/graphql', '/api/v1/graphql', '/query', '/gql'];

/**
 * Finds the GraphQL endpoint: the target's own path first, then {@link COMMON_GRAPHQL_PATHS} on the same
 * origin. A path is GraphQL when `POST {"query":"query { __typename }"}` answers a JSON object with `data`
 * or `errors`. At most 1 + 7 requests.
 */
export async function detectGraphqlEndpoint(client: ProbeClient, basePath: string): Promise<{ path: string | undefined; tried: string[] }> {
  const own = basePath === '' ? '/' : basePath;
  const candidates = [...new Set([own, ...COMMON_GRAPHQL_PATHS])];
  const tried: string[] = [];
  for (const path of candidates) {
    tried.push(path);
    const exchange = await sendGraphql(client, graphqlRequest(path, 'query { __typename }', 'json'), {});
    if (exchange instanceof Error) continue;
    if (exchange.response.status < 500 && asResult(exchange.json)) return { path, tried };
  }
  return { path: undefined, tried };
}
