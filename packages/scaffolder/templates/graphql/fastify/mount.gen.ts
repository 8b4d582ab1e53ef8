import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createGraphqlServer } from './yoga.gen.js';

/** Serves GraphQL on /graphql of a Fastify app. */
export function mountGraphql(app: FastifyInstance): void {
  const yoga = createGraphqlServer();
  app.route({
    url: yoga.graphqlEndpoint,
    method: ['GET', 'POST', 'OPTIONS'],
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const response = await yoga.handleNodeRequestAndResponse(req, reply, {});
      response.headers.forEach((value, key) => {
        reply.header(key, value);
      });
      reply.status(response.status);
      reply.send(response.body);
      return reply;
    },
  });
}
