import { createSchema, createYoga } from 'graphql-yoga';
import { NoSchemaIntrospectionCustomRule } from 'graphql';

const schema = createSchema({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hi' } } });

export const yoga = createYoga({ // expect: graphql-missing-limits
  schema,
  plugins: [{ onValidate: ({ addValidationRule }: { addValidationRule: (r: unknown) => void }) => addValidationRule(NoSchemaIntrospectionCustomRule) }],
});
