const Koa = require('koa');
const Router = require('@koa/router');
const session = require('koa-generic-session');
const { authenticate } = require('./accounts');

const app = new Koa();
const router = new Router();
app.keys = [process.env.SESSION_KEY];
app.use(session());

router.post('/signin', async (ctx) => {
  const account = await authenticate(ctx.request.body.username, ctx.request.body.password);
  if (!account) ctx.throw(401);
  ctx.session.user = account; // expect: session-fixation
  ctx.body = { ok: true };
});
app.use(router.routes());
