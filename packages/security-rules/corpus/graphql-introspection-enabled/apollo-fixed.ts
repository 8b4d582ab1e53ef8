import { ApolloServer } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';

const typeDefs = 'type Query { hello: String }';
const resolvers = { Query: { hello: () => 'hi' } };

// Apollo Server turns introspection off when NODE_ENV=production; saying so explicitly is fine too.
export const server = new ApolloServer({ typeDefs, resolvers, introspection: process.env.NODE_ENV !== 'production', validationRules: [depthLimit(7)] });
