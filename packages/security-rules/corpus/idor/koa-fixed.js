const Koa = require('koa');
const Router = require('@koa/router');
const jwt = require('koa-jwt');

const app = new Koa();
const router = new Router();
const Profile = { findById: async (id) => ({ id }) };
router.get('/profiles/:userId', jwt({ secret: process.env.JWT_SECRET }), async (ctx) => {
  if (ctx.params.userId !== ctx.state.user.sub) ctx.throw(403);
  ctx.body = await Profile.findById(ctx.params.userId);
});
app.use(router.routes());
