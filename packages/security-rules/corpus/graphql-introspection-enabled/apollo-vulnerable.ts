import { ApolloServer } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';

const typeDefs = 'type Query { hello: String }';
const resolvers = { Query: { hello: () => 'hi' } };

export const server = new ApolloServer({
  typeDefs,
  resolvers,
  introspection: true, // expect: graphql-introspection-enabled
  validationRules: [depthLimit(7)],
});
