import type Koa from 'koa';
import { createGraphqlServer } from './yoga.gen.js';

const STREAMED = /^(?:text\/event-stream|multipart\/)/i;

/** Serves GraphQL on /graphql of a Koa app. */
export function mountGraphql(app: Koa): void {
  const yoga = createGraphqlServer();
  app.use(async (ctx, next) => {
    if (ctx.path !== yoga.graphqlEndpoint) return next();
    const response = await yoga.handleNodeRequestAndResponse(ctx.req, ctx.res, {});
    ctx.status = response.status;
    response.headers.forEach((value, key) => {
      ctx.append(key, value);
    });
    // A whole result goes out as one buffer (see the Fastify mount); event streams and multipart keep streaming.
    ctx.body = STREAMED.test(response.headers.get('content-type') ?? '') ? response.body : Buffer.from(await response.arrayBuffer());
  });
}
