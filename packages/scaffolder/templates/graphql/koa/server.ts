import Koa from 'koa';
import helmet from 'koa-helmet';
import { limits } from './limits.js';
import { mountGraphql } from './mount.gen.js';

const app = new Koa();
// GraphiQL needs inline scripts: the strict policy applies only when the IDE is off (production).
app.use(helmet({ contentSecurityPolicy: limits.ide ? false : { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } }));
app.use(async (ctx, next) => {
  ctx.set('cache-control', 'no-store');
  await next();
});
mountGraphql(app);

const port = Number(process.env['PORT'] ?? 3000);
const server = app.listen(port, process.env['HOST'] ?? '127.0.0.1', () => {
  const address = server.address();
  console.log(`GraphQL on http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/graphql`);
});
