import type { GraphqlLimits } from './protection.gen.js';

const production = process.env['NODE_ENV'] === 'production';

/**
 * The protections of this GraphQL service, in one file that is yours: `sb scaffold` created it once and never
 * rewrites it. Raise a limit when a real query needs it; the defaults reject what graphql-cop throws at a server.
 */
export const limits: GraphqlLimits = {
  maxDepth: 8,
  maxCost: 5000,
  defaultListSize: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxFields: 300,
  maxBodyBytes: 100_000,
  introspection: !production,
  ide: !production,
  suggestions: !production,
};
