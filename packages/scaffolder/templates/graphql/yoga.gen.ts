import { createSchema, createYoga } from 'graphql-yoga';
import { createContext, type Context } from './context.js';
import { limits } from './limits.js';
import { protectionPlugins } from './protection.gen.js';
import { resolvers } from './resolvers.gen.js';
import { typeDefs } from './type-defs.gen.js';

/** The GraphQL server (GraphQL Yoga) with the protections of limits.ts, served on /graphql. */
export function createGraphqlServer() {
  const schema = createSchema<Context>({ typeDefs, resolvers: resolvers as never });
  return createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: limits.ide,
    landingPage: false,
    // Same-origin only: no Access-Control-Allow-Origin for other sites (Yoga would reflect any Origin).
    cors: false,
    batching: false,
    maskedErrors: true,
    context: ({ request }): Promise<Context> => createContext(request),
    plugins: protectionPlugins(limits, schema),
  });
}
