import express from 'express';
import { graphqlHTTP } from 'express-graphql';
import { buildSchema } from 'graphql';
import depthLimit from 'graphql-depth-limit';

const schema = buildSchema('type Query { hello: String }');
const app = express();
app.use('/graphql', graphqlHTTP({ // expect: graphql-introspection-enabled
  schema,
  graphiql: true, // expect: graphql-introspection-enabled
  validationRules: [depthLimit(7)],
}));
