import { createSchema, createYoga } from 'graphql-yoga';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';

const schema = createSchema({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hi' } } });

export const yoga = createYoga({ schema, plugins: [EnvelopArmorPlugin({ maxDepth: { n: 6 } })] }); // expect: graphql-introspection-enabled
