import { createSchema, createYoga } from 'graphql-yoga';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { NoSchemaIntrospectionCustomRule } from 'graphql';

const schema = createSchema({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hi' } } });
const armor = EnvelopArmorPlugin({ maxDepth: { n: 6 }, costLimit: { maxCost: 5000 } });

export const yoga = createYoga({
  schema,
  plugins: [armor, { onValidate: ({ addValidationRule }: { addValidationRule: (r: unknown) => void }) => addValidationRule(NoSchemaIntrospectionCustomRule) }],
});
