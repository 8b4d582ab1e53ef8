import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import { graphqlServers, optionsText } from '../graphql/servers.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { objectProperty } from '../symbols/declarations.js';

/** Ways to turn introspection off (or tie it to the environment). */
const DISABLES = /NoSchemaIntrospectionCustomRule|useDisableIntrospection|disableIntrospection|blockIntrospection|introspection\s*:/;

/**
 * Introspection (or the GraphiQL IDE) on in every environment: `introspection: true` / `graphiql: true` as
 * literals, or a server that serves introspection by default (Yoga, graphql-http, express-graphql,
 * mercurius) with nothing turning it off.
 */
export const graphqlIntrospectionEnabled: Rule = {
  meta: {
    id: 'graphql-introspection-enabled',
    title: 'GraphQL introspection enabled unconditionally',
    description: 'The GraphQL server answers introspection (and may serve the GraphiQL IDE) in production too, handing any client the whole schema, including fields the UI never uses.',
    severity: 'low',
    confidence: 'taint-confirmed',
    cwe: [200],
    owasp: 'A05:2021-Security Misconfiguration',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    for (const server of graphqlServers(ctx)) {
      const introspection = objectProperty(server.options, 'introspection');
      const graphiql = objectProperty(server.options, 'graphiql');
      if (introspection && Node.isTrueLiteral(introspection)) yield { node: introspection, message: `${server.library} has introspection: true in every environment: use process.env.NODE_ENV !== 'production'` };
      if (graphiql && Node.isTrueLiteral(graphiql)) yield { node: graphiql, message: `${server.library} serves the GraphiQL IDE in every environment: use process.env.NODE_ENV !== 'production'` };
      if (!introspection && !server.introspectionOffInProduction && !DISABLES.test(optionsText(server.options))) {
        yield { node: server.call, message: `${server.library} answers introspection in every environment: turn it off in production (NoSchemaIntrospectionCustomRule)` };
      }
    }
  },
};
