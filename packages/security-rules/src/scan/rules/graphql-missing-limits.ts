import type { RuleContext } from '../engine/context.js';
import { graphqlServers, optionsText } from '../graphql/servers.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';

/**
 * What a depth or cost limit looks like in server options: graphql-armor, graphql-depth-limit,
 * graphql-query-complexity / -validation-complexity / -cost-analysis, envelop's depth limit, mercurius'
 * `queryDepth`, or sb's generated `limits` rules.
 */
const LIMIT = /armor|depthLimit|maxDepth|queryDepth|useDepthLimit|complexity|costAnalysis|costLimit|maxCost|limitRules|validationLimits/i;

/** GraphQL servers created without any depth or cost limit in their options. */
export const graphqlMissingLimits: Rule = {
  meta: {
    id: 'graphql-missing-limits',
    title: 'GraphQL server without depth or cost limits',
    description: 'A GraphQL server (Yoga, Apollo Server, graphql-http, express-graphql, mercurius) is created without a depth or cost limit, so one request can nest or multiply lists until the server runs out of CPU or memory.',
    severity: 'medium',
    confidence: 'taint-confirmed',
    cwe: [770, 400],
    owasp: 'A04:2021-Insecure Design',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const server of graphqlServers(ctx)) {
      if (LIMIT.test(optionsText(server.options))) continue;
      yield { node: server.call, message: `${server.library} has no depth or cost limit: add one in validation (e.g. graphql-armor's maxDepth and costLimit)` };
    }
  },
};
