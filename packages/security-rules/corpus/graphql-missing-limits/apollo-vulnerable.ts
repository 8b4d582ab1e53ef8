import { ApolloServer } from '@apollo/server';

const typeDefs = 'type Query { hello: String }';
const resolvers = { Query: { hello: () => 'hi' } };

export const server = new ApolloServer({ typeDefs, resolvers }); // expect: graphql-missing-limits
