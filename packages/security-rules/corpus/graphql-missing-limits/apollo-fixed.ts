import { ApolloServer } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { createComplexityRule, simpleEstimator } from 'graphql-query-complexity';

const typeDefs = 'type Query { hello: String }';
const resolvers = { Query: { hello: () => 'hi' } };

export const server = new ApolloServer({
  typeDefs,
  resolvers,
  validationRules: [depthLimit(7), createComplexityRule({ maximumComplexity: 1000, estimators: [simpleEstimator({ defaultComplexity: 1 })] })],
});
