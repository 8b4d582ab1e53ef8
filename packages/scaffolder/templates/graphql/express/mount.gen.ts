import type { Express } from 'express';
import { createGraphqlServer } from './yoga.gen.js';

/** Serves GraphQL on /graphql of an Express app. */
export function mountGraphql(app: Express): void {
  const yoga = createGraphqlServer();
  app.all(yoga.graphqlEndpoint, (req, res) => {
    void yoga(req, res);
  });
}
