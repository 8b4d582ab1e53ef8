import { createSchema, createYoga } from 'graphql-yoga';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { NoSchemaIntrospectionCustomRule } from 'graphql';

const production = process.env.NODE_ENV === 'production';
const schema = createSchema({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hi' } } });
const noIntrospection = { onValidate: ({ addValidationRule }: { addValidationRule: (r: unknown) => void }) => addValidationRule(NoSchemaIntrospectionCustomRule) };

export const yoga = createYoga({ schema, graphiql: !production, plugins: [EnvelopArmorPlugin({ maxDepth: { n: 6 } }), ...(production ? [noIntrospection] : [])] });
